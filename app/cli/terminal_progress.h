#pragma once
// A one-line progress bar on stderr, redrawn in place; silent when stderr is not a terminal.
#include <cstdint>
#include <QElapsedTimer>

namespace nofade::cli {

class TerminalProgress {
public:
    explicit TerminalProgress(bool enabled);
    void update(std::int64_t done, std::int64_t total, std::int64_t failed);
    // A sampled scan's last step, after its images: the C_JS interval's replicates.
    void updateInterval(int done, int total);
    void finish(); // clears the line

private:
    bool enabled_;
    bool drawn_ = false;
    QElapsedTimer clock_;
    QElapsedTimer intervalClock_;
};

} // namespace nofade::cli
