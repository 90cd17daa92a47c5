/* Force-included (-include) into every CPython object built in the bullseye root (glibc 2.31).
 * glibc 2.29 added new versions of exp/log/pow/exp2/log2 (no errno wrapper); binding to the old
 * versions keeps the interpreter loadable on glibc 2.28 (UOS V20, Kylin V10). Results are the same
 * functions' older entry points, which still exist in every newer glibc. check_glibc.py proves it. */
#if defined(__x86_64__)
__asm__(".symver exp,exp@GLIBC_2.2.5");
__asm__(".symver log,log@GLIBC_2.2.5");
__asm__(".symver pow,pow@GLIBC_2.2.5");
__asm__(".symver exp2,exp2@GLIBC_2.2.5");
__asm__(".symver log2,log2@GLIBC_2.2.5");
#elif defined(__aarch64__)
__asm__(".symver exp,exp@GLIBC_2.17");
__asm__(".symver log,log@GLIBC_2.17");
__asm__(".symver pow,pow@GLIBC_2.17");
__asm__(".symver exp2,exp2@GLIBC_2.17");
__asm__(".symver log2,log2@GLIBC_2.17");
#endif
