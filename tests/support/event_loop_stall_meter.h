#pragma once
// Measures how long the GUI thread's event loop went without running a 2 ms timer: the longest
// stall a user would feel as a frozen window. Used by the responsiveness test and bench-gui.
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace nofade::test {

class EventLoopStallMeter : public QObject {
public:
    explicit EventLoopStallMeter(QObject* parent = nullptr);

    void start();
    void stop() { timer_.stop(); }
    double longestMs() const { return double(longest_) / 1e6; }
    int ticks() const { return ticks_; }
    // When the longest stall ended, in ms since start().
    double longestEndMs() const { return double(longestEnd_) / 1e6; }

private:
    QTimer timer_;
    QElapsedTimer clock_;
    qint64 last_ = 0;
    qint64 longest_ = 0;
    qint64 longestEnd_ = 0;
    int ticks_ = 0;
};

} // namespace nofade::test
