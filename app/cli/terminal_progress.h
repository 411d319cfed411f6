#pragma once
// A one-line progress bar on stderr, redrawn in place; silent when stderr is not a terminal.
#include <cstdint>
#include <QElapsedTimer>
#include <QString>

namespace nofade::cli {

class TerminalProgress {
public:
    explicit TerminalProgress(bool enabled);
    void update(std::int64_t done, std::int64_t total, std::int64_t failed);
    // The steps after the images: a sampled scan's C_JS replicates, the complexity measures
    // (`what` names the stage).
    void updateInterval(int done, int total, const QString& what = QStringLiteral("C_JS interval"));
    void finish(); // clears the line

private:
    bool enabled_;
    bool drawn_ = false;
    QElapsedTimer clock_;
    QElapsedTimer intervalClock_;
};

} // namespace nofade::cli
