#pragma once
// libpng and libjpeg print warnings straight to stderr from inside OpenCV ("libpng warning: iCCP:
// known incorrect sRGB profile", "Corrupt JPEG data: ..."), without naming the file, thousands of
// times on a real dataset, over the progress bar. This routes fd 2 through a pipe and drops those
// lines; every other line goes through unchanged. Our own messages are written to the real stderr
// directly. A fatal signal restores stderr and drains the pipe first, so crash output is kept.
// Not installed in sanitizer builds, whose reports must reach stderr untouched.

namespace nofade::cli {

class CodecChatterFilter {
public:
    CodecChatterFilter();  // installs (no-op if it cannot)
    ~CodecChatterFilter(); // restores stderr and forwards what is still in the pipe
    CodecChatterFilter(const CodecChatterFilter&) = delete;
    CodecChatterFilter& operator=(const CodecChatterFilter&) = delete;

    // The descriptor our own messages go to: the real stderr.
    static int realStderr();
};

// True for a line of codec chatter that the filter drops.
bool isCodecChatter(const char* line, int length);

} // namespace nofade::cli
