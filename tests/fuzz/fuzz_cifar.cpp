// The CIFAR-10/100 batch reader through a whole scan. The first byte picks the variant (even:
// CIFAR-10 data_batch_1.bin, odd: CIFAR-100 train.bin); the rest is the batch file.
#include <cstdint>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace nofade;
    if (size < 1)
        return 0;
    const std::string name = data[0] % 2 ? "train.bin" : "data_batch_1.bin";
    fuzz::writeScratch(name, data + 1, size - 1);
    fuzz::scanScratch(DatasetFormat::Cifar);
    fuzz::removeScratch(name);
    return 0;
}
