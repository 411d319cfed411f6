#pragma once
// Runs dataset scans on the core's scan engine, one dataset at a time (the engine itself uses
// every core), in a QtConcurrent worker. The GUI thread only polls the scan's atomic feedback
// at 10 Hz and takes the finished profile; it never waits for a scan.
#include <deque>
#include <memory>
#include <vector>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include "dataset_state/dataset_entry.h"
#include "parallel/feedback.h"
#include "profile/profile_measures.h"
#include "profile/profile_settings.h"
#include "profile/sample_request.h"

namespace nofade::ui {

class DatasetStore;

struct ScanSettings {
    ProfileSettings profile;
    int threads = 0; // 0: one per core
    SampleRequest quickEstimate{5000}; // the sample a Quick estimate scans
    // The complexity measures a scan computes (complexity/measure_names.h). Entropy alone (the
    // default) adds no work; the others cost time, and a scan with them reads no scan cache.
    MeasureSettings measures = entropyOnly();

    static MeasureSettings entropyOnly();
    // Whether `measures` asks for more than entropy.
    static bool measuresBeyondEntropy(const MeasureSettings& measures);
};

class ScanController : public QObject {
    Q_OBJECT
public:
    enum class Mode {
        Restart,  // start again; images unchanged since they were analysed come from the scan cache
        Reanalyse, // decode every image again (the cache is refreshed, not read)
        Continue, // keep the images of the partial profile, analyse the rest
        Sample,   // a quick estimate: a random sample (ScanSettings::quickEstimate), completed by Continue
    };

    ScanController(DatasetStore* store, QObject* parent = nullptr);
    ~ScanController() override; // cancels the running scan and waits for its (prompt) return

    // Whether the core can continue a partial profile (it can since ScanOptions::resume).
    static bool canContinue();

    void setSettings(const ScanSettings& settings) { settings_ = settings; }
    // The scan cache (SQLite, see core/scan/scan_cache.h): every image analysed is saved there as
    // it comes, so a crash or a kill loses at most the last second and the next scan of the
    // dataset decodes only what is missing. Empty: no cache (the default).
    void setCacheFile(const QString& file) { cacheFile_ = file; }
    const QString& cacheFile() const { return cacheFile_; }
    // The application's cache: scan-cache.sqlite in its data folder.
    static QString defaultCacheFile();
    const ScanSettings& settings() const { return settings_; }

    // Queues a scan of the dataset (no-op when it is already queued or running).
    void enqueue(int id, Mode mode = Mode::Restart);
    // Cancels a queued or running scan. A running scan keeps its partial profile.
    void cancel(int id);
    void cancelAll();

    // Idle: nothing queued or scanning, and every finished scan's results committed to the cache.
    bool isIdle() const { return !running_ && pending_.empty() && committing_.empty(); }
    int runningId() const;
    int pendingCount() const { return int(pending_.size()); }

Q_SIGNALS:
    void scanStarted(int id);
    void scanFinished(int id); // also after a cancel or a failure; the profile is in the store
    void idle();               // nothing queued or running, and every result committed to the cache

private:
    struct Pending {
        int id;
        Mode mode;
    };
    struct Result;
    struct Running;

    void startNext();
    void poll();
    // The worker's result, into the store; the worker then makes its last cache commit while the
    // next scan starts.
    void deliver(Running* run);
    void finish(Running* run); // the worker has returned

    DatasetStore* store_;
    ScanSettings settings_;
    QString cacheFile_;
    std::deque<Pending> pending_;
    // The scans' own threads (the running one and one still committing its cache): Qt's raster
    // painting waits for jobs it hands to the global pool, so long work there stalls repaints.
    QThreadPool pool_;
    std::unique_ptr<Running> running_;
    std::vector<std::unique_ptr<Running>> committing_; // delivered, their workers still committing
    std::vector<std::unique_ptr<Running>> retired_; // finished, deleted on the next event loop turn
    QTimer pollTimer_;
};

} // namespace nofade::ui
