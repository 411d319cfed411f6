#pragma once
// Reproducible screenshots (the hidden --screenshot DIR option): waits until the scans are done,
// then shows each view in turn (histograms, per class as small multiples and overlay, class
// distances, the inspector at the lowest and highest entropy), saves the window as PNG, and quits.
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
    ScreenshotRunner(MainWindow* window, const QString& directory, QObject* parent = nullptr);
    void start();

Q_SIGNALS:
    void finished(bool ok);

private:
    void buildSteps();
    void addModelChartSteps();
    // Models > Import runs: the dialog with its preview, then the charts with the imported run.
    void addRunImportSteps();
    void next();
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
    std::vector<std::function<void()>> steps_;
    std::size_t step_ = 0;
    QTimer waitTimer_;
    bool ok_ = true;
};

} // namespace nofade::ui
