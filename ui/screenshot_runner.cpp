#include "screenshot_runner.h"

#include <QDir>
#include <QTabWidget>

#include "class_distance_view.h"
#include "dataset_store.h"
#include "datasets_panel.h"
#include "image_inspector.h"
#include "main_window.h"
#include "per_class_view.h"
#include "scan_queue.h"

namespace nofade::ui {

ScreenshotRunner::ScreenshotRunner(MainWindow* window, const QString& directory, QObject* parent)
    : QObject(parent), window_(window), directory_(directory)
{
    waitTimer_.setInterval(200);
    connect(&waitTimer_, &QTimer::timeout, this, [this] {
        // Ready when nothing is scanning and some dataset has a profile.
        bool anyProfile = false;
        for (int i = 0; i < window_->datasets()->count(); ++i)
            anyProfile = anyProfile || window_->datasets()->at(i).hasProfile();
        if (window_->scanQueue()->isIdle() && anyProfile) {
            waitTimer_.stop();
            QTimer::singleShot(500, this, &ScreenshotRunner::next);
        }
    });
}

void ScreenshotRunner::start()
{
    QDir().mkpath(directory_);
    auto tab = [this](int i) { return [this, i] { window_->chartTabs()->setCurrentIndex(i); }; };
    auto firstId = [this] { return window_->datasets()->count() ? window_->datasets()->at(0).id : 0; };
    steps_ = {
        tab(0),
        [this] { shoot(QStringLiteral("01-entropy-histograms.png")); },
        [this, tab] { tab(1)(); window_->perClassView()->setMode(PerClassView::Mode::SmallMultiples); },
        [this] { shoot(QStringLiteral("02-per-class-small-multiples.png")); },
        [this] { window_->perClassView()->setMode(PerClassView::Mode::Overlay); window_->perClassView()->selectClasses({0, 1, 5, 8}); },
        [this] { shoot(QStringLiteral("03-per-class-overlay.png")); },
        [this, tab] { tab(2)(); },
        [this] { shoot(QStringLiteral("04-class-distances.png")); },
        [this, tab] { window_->distanceView()->setOrder(ClassDistanceView::Order::MeanEntropy); },
        [this] { shoot(QStringLiteral("05-class-distances-by-mean.png")); },
        [this, tab, firstId] { tab(0)(); window_->inspect(firstId()); },
        [this] { shoot(QStringLiteral("06-inspector-lowest.png")); },
        [this] { window_->inspector()->showHighest(); },
        [this] { shoot(QStringLiteral("07-inspector-highest.png")); },
    };
    step_ = 0;
    waitTimer_.start();
}

void ScreenshotRunner::next()
{
    if (step_ >= steps_.size()) {
        Q_EMIT finished(ok_);
        return;
    }
    steps_[step_++]();
    // Give the views time to lay out and (for the inspector) to decode in their worker.
    QTimer::singleShot(700, this, &ScreenshotRunner::next);
}

void ScreenshotRunner::shoot(const QString& name)
{
    const QString file = QDir(directory_).filePath(name);
    if (!window_->grab().save(file)) {
        qWarning("cannot write %s", qPrintable(file));
        ok_ = false;
    }
}

} // namespace nofade::ui
