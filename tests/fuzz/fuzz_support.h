#pragma once
// Helpers shared by the fuzz targets: a private scratch folder (the dataset readers read files,
// not memory) and a scan of a whole dataset on one thread.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

#include "datasets/dataset_opener.h"
#include "scan/scanner.h"

namespace nofade::fuzz {

// One scratch folder per fuzzing process, in RAM when /dev/shm exists.
inline const std::string& scratchFolder()
{
    static const std::string folder = [] {
        std::string pattern = (access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp") + std::string("/nofade-fuzz-XXXXXX");
        if (!mkdtemp(pattern.data()))
            std::abort();
        return pattern;
    }();
    return folder;
}

inline void writeScratch(const std::string& name, const std::uint8_t* data, std::size_t size)
{
    const std::string path = scratchFolder() + "/" + name;
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f)
        std::abort();
    if (size)
        std::fwrite(data, 1, size, f);
    std::fclose(f);
}

inline void removeScratch(const std::string& name)
{
    ::unlink((scratchFolder() + "/" + name).c_str());
}

// Opens the scratch folder as `format` and scans it whole, as nofade-cli would. A failure is
// fine (that is the point of a hostile input); a crash, a leak or undefined behaviour is not.
inline void scanScratch(DatasetFormat format)
{
    OpenedDataset d = openDataset(QString::fromStdString(scratchFolder()), format);
    if (!d.source)
        return;
    ScanOptions options;
    options.threads = 1;
    Feedback feedback;
    const Profile p = scanDataset(*d.source, ProfileSettings{}, options, feedback);
    if (p.images() + p.failedItems() != d.source->itemCount())
        std::abort(); // every item must be settled: analysed or failed
    for (const ImageEntropy& e : p.perImage)
        if (!(e.entropy >= 0.0 && e.entropy <= 8.0))
            std::abort();
    (void)p.jsd();
    if (d.source->itemCount() > 0)
        (void)d.source->loadForDisplay(d.source->itemCount() - 1, DecodeLimits{});
}

} // namespace nofade::fuzz
