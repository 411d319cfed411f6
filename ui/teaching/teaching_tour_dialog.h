#pragma once
// The guided walk-through for lectures (Help > Teaching Tour, Ctrl+Shift+T): full screen, large type
// and thick lines, one idea per page with Back/Next (Right/Left, Space, Page Up/Down, Home/End work
// wherever the focus is, so a presentation clicker does too): one image -> its histogram -> its entropy; one class vs another
// -> their JS distance; a table of models -> the saturation curve -> NoFADE. Built from the
// example dataset's scan and the model report; pages whose data is missing are left out.
#include <vector>
#include <QDialog>

#include "teaching/teaching_pages.h"

class QLabel;
class QPushButton;
class QStackedWidget;

namespace nofade::ui {

struct DatasetEntry;

class TeachingTourDialog : public QDialog {
    Q_OBJECT
public:
    // `dataset` may be null (no dataset pages); the report may have no models (no model pages).
    TeachingTourDialog(const DatasetEntry* dataset, const Report& report, QWidget* parent = nullptr);

    int pageCount() const { return int(titles_.size()); }
    int currentPage() const;
    QString pageTitle(int page) const { return titles_[std::size_t(page)]; }
    void showPage(int page);
    void next() { showPage(currentPage() + 1); }
    void back() { showPage(currentPage() - 1); }

protected:
    // The tour's keys, caught before any of its widgets sees them (an application event filter):
    // otherwise the page's table and the buttons would take arrows and Space for themselves.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool navigate(int key);
    void addPage(const TeachingPage& page);
    void addDatasetPages(const DatasetEntry& dataset);
    void addModelPages(const Report& report, const TourComplexity& scanned);

    QStackedWidget* pages_;
    QLabel* step_;
    QPushButton* back_;
    QPushButton* next_;
    std::vector<QString> titles_;
};

} // namespace nofade::ui
