/* The declarations in include/CLibcExtras.h are all there is; SwiftPM needs one source file. */
#include "CLibcExtras.h"
