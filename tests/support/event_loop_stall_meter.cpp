#include "event_loop_stall_meter.h"

namespace nofade::test {

EventLoopStallMeter::EventLoopStallMeter(QObject* parent) : QObject(parent)
{
    timer_.setTimerType(Qt::PreciseTimer);
    timer_.setInterval(2);
    connect(&timer_, &QTimer::timeout, this, [this] {
        const qint64 now = clock_.nsecsElapsed();
        if (now - last_ > longest_) {
            longest_ = now - last_;
            longestEnd_ = now;
        }
        last_ = now;
        ++ticks_;
    });
}

void EventLoopStallMeter::start()
{
    clock_.start();
    last_ = 0;
    longest_ = 0;
    ticks_ = 0;
    timer_.start();
}

} // namespace nofade::test
