/**
 * /lib/svc/method/svc-metainit (system/metainit, Solaris Volume Manager):
 * `metainit -r` brings up the metadevices the root filesystem may live on.
 * It only exists while SVM is installed (removed from illumos in 2016).
 */
import type { MethodModel } from './types.ts';

export const metainit: MethodModel = () => ({ duration: 300, exit: 0 });
