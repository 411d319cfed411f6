#pragma once
// Reproducible screenshots (the --screenshots DIR option): waits until the scans are done, then
// shows each view in turn, saves the window as PNG, and quits. Two sets: "guide" (the user guide's
// views: histograms, per class, class distances, the inspector, the model charts, the tour) and
// "screens" (for the screen the application runs on: every tab with the window filling the
// screen, every tab in presentation mode, and every page of the teaching tour; the files are named
// for the screen's width and height).
#include <functional>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

class QWidget;

namespace nofade::ui {

class MainWindow;
class TeachingTourDialog;

class ScreenshotRunner : public QObject {
    Q_OBJECT
public:
    ScreenshotRunner(MainWindow* window, const QString& directory, const QString& set = QStringLiteral("guide"),
                     QObject* parent = nullptr);
    void start();

Q_SIGNALS:
    void finished(bool ok);

private:
    void buildSteps();
    void buildScreenSteps();
    void addTourSteps(const QString& pattern); // pattern: a file name with %1 for the page (1-based)
    void addModelChartSteps();
    // Models > Import runs: the dialog with its preview, then the charts with the imported run.
    void addRunImportSteps();
    void next();
    void settle();
    void shoot(const QString& name);
    void shootScreen(const QString& name);
    void shootWidget(QWidget* widget, const QString& name);
    void hover(QWidget* widget, const QPoint& pos);
    // The main window's part of type T named `name` (its object name).
    template <typename T>
    T* part(const char* name) const
    {
        return windowObject()->findChild<T*>(QString::fromLatin1(name));
    }
    QObject* windowObject() const;

    MainWindow* window_;
    QPointer<TeachingTourDialog> tour_;
    QString directory_;
    QString set_;
    std::vector<std::function<void()>> steps_;
    std::size_t step_ = 0;
    QTimer waitTimer_;
    bool ok_ = true;
};

} // namespace nofade::ui
