// The IDX reader (MNIST layout, raw or gzip) through a whole scan. Input layout: 2 bytes give the
// length L of a labels file, the next L bytes are it, the rest is the images file; an images file
// starting with the gzip magic is named .gz so that the gzip path reads it.
#include <cstdint>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace nofade;
    if (size < 2)
        return 0;
    std::size_t labels = (std::size_t(data[0]) << 8 | data[1]) % (size - 1);
    const std::uint8_t* labelBytes = data + 2;
    const std::uint8_t* imageBytes = labelBytes + labels;
    const std::size_t imageSize = size - 2 - labels;
    const bool gz = imageSize >= 2 && imageBytes[0] == 0x1f && imageBytes[1] == 0x8b;
    const std::string images = gz ? "train-images-idx3-ubyte.gz" : "train-images-idx3-ubyte";
    fuzz::writeScratch(images, imageBytes, imageSize);
    if (labels > 0)
        fuzz::writeScratch("train-labels-idx1-ubyte", labelBytes, labels);
    fuzz::scanScratch(DatasetFormat::Idx);
    fuzz::removeScratch(images);
    fuzz::removeScratch("train-labels-idx1-ubyte");
    return 0;
}
