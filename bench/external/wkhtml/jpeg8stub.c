/* libjpeg.so.8 stand-in: exports the LIBJPEG_8.0 symbols wkhtmltopdf links against, and aborts if
   any is called (no document of this set contains a JPEG, nor a raster image Qt would JPEG-encode). */
#include <stdio.h>
#include <stdlib.h>
#define STUB(name) void name(void) { fprintf(stderr, "jpeg8 stub: %s called\n", #name); abort(); }
STUB(jpeg_CreateCompress) STUB(jpeg_CreateDecompress) STUB(jpeg_calc_output_dimensions)
STUB(jpeg_destroy_compress) STUB(jpeg_destroy_decompress) STUB(jpeg_finish_compress)
STUB(jpeg_finish_decompress) STUB(jpeg_read_header) STUB(jpeg_read_scanlines) STUB(jpeg_resync_to_restart)
STUB(jpeg_set_defaults) STUB(jpeg_set_quality) STUB(jpeg_start_compress) STUB(jpeg_start_decompress)
STUB(jpeg_std_error) STUB(jpeg_write_scanlines)
