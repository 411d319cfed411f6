#pragma once
// An on-disk checkpoint of scan results (SQLite through Qt SQL), keyed by each image's path, file
// size and modification time. A scan that is killed, crashes or loses power keeps everything saved
// up to its last commit (about twice a second); the next scan of the same dataset with the same
// per-image settings takes those images from the cache instead of decoding them again.
//
// Use: open() -> prepare() -> scanDataset() with prepare()'s profile as ScanOptions::resume and the
// cache as ScanOptions::checkpoint. A ScanCache belongs to the thread that opened it (Qt SQL
// connections are per thread): open it on the thread that calls scanDataset.
#include <cstdint>
#include <memory>
#include <QString>

#include "datasets/dataset_source.h"
#include "profile/profile.h"
#include "scan/scan_checkpoint.h"
#include "scan/shard.h"

namespace nofade {

class ScanCache final : public ScanCheckpoint {
public:
    // Opens or creates the cache file. A file that is not a usable cache (corrupt, truncated,
    // another program's file, another layout) is deleted and rebuilt, and `notice` says so.
    // Null with `error` (naming the file and the reason) when it cannot be created at all.
    static std::unique_ptr<ScanCache> open(const QString& file, QString* error, QString* notice);
    ~ScanCache() override;
    ScanCache(const ScanCache&) = delete;
    ScanCache& operator=(const ScanCache&) = delete;

    // Looks up the wanted items of `source` (the shard): those whose file has the size and mtime
    // it had when its result was saved, under the same per-image settings, come back as a partial
    // profile for ScanOptions::resume. The scan's results are saved with the stamp their file had
    // when the scan opened it (itemAnalysed), so a file changed during the scan is analysed again
    // next time. `source` must outlive the scan.
    std::shared_ptr<const Profile> prepare(const DatasetSource& source, const ProfileSettings& settings,
                                           const Shard& shard);

    QString file() const;
    std::int64_t reused() const;   // images prepare() found in the cache
    std::int64_t analysed() const; // images analysed (decoded) by the scan since prepare()
    // Why saving failed (disk full, read-only), empty when every commit succeeded. The scan itself
    // is not affected: its profile is complete in memory.
    QString writeError() const;

    void itemAnalysed(std::int64_t item, int classIndex, double entropyBits, const FileStamp& stamp) override;
    void flush(bool final) override;

private:
    struct Private;
    explicit ScanCache(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace nofade
