/*
 * dlltool places each delay-import descriptor in .text$2 on its own. This all-zero descriptor,
 * sorted right after it, ends the table the way the Microsoft linker does.
 */
__attribute__((used, section(".text$3"), aligned(4)))
static const unsigned char delayImportTableEnd[32] = { 0 };
