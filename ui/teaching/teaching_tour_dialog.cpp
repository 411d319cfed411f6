#include "teaching/teaching_tour_dialog.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "dataset_state/dataset_entry.h"
#include "imaging/image_decoder.h"
#include "inspector/image_analysis.h"
#include "models/report.h"

namespace nofade::ui {

namespace {

// The pair of classes furthest apart: the clearest example of a JS distance.
const JsdPair* widestPair(const JsdSummary& jsd)
{
    const JsdPair* best = nullptr;
    for (const JsdPair& p : jsd.pairs)
        if (!best || p.distance > best->distance)
            best = &p;
    return best;
}

} // namespace

TeachingTourDialog::TeachingTourDialog(const DatasetEntry* dataset, const Report& report, QWidget* parent)
    : QDialog(parent), pages_(new QStackedWidget), step_(new QLabel), back_(new QPushButton(tr("◀  Back"))),
      next_(new QPushButton(tr("Next  ▶")))
{
    setWindowTitle(tr("NoFADE Studio: teaching tour"));
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * kSlideScale);
    setFont(big);
    setStyleSheet(QStringLiteral("QDialog { background: white; } QLabel { color: #202020; }"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 32, 48, 24);
    layout->addWidget(pages_, 1);
    auto* buttons = new QHBoxLayout;
    auto* close = new QPushButton(tr("Close (Esc)"));
    buttons->addWidget(close);
    buttons->addStretch(1);
    buttons->addWidget(step_);
    buttons->addStretch(1);
    buttons->addWidget(back_);
    buttons->addWidget(next_);
    layout->addLayout(buttons);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(back_, &QPushButton::clicked, this, &TeachingTourDialog::back);
    connect(next_, &QPushButton::clicked, this, &TeachingTourDialog::next);

    if (dataset)
        addDatasetPages(*dataset);
    addModelPages(report, dataset && dataset->jsd ? TourComplexity{dataset->jsd->complexity, dataset->name} : TourComplexity{});
    if (titles_.empty())
        addPage({tr("Nothing to show yet"),
                 tr("Open the example dataset (File > Open Example) and let its scan finish, then start the tour again."),
                 new QWidget});
    showPage(0);
    qApp->installEventFilter(this);
}

void TeachingTourDialog::addPage(const TeachingPage& page)
{
    auto* widget = new QWidget;
    auto* layout = new QVBoxLayout(widget);
    auto* title = new QLabel(page.title);
    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto* text = new QLabel(page.text);
    text->setFont(font()); // set explicitly: the dialog's style sheet stops fonts propagating
    text->setTextFormat(Qt::RichText);
    text->setWordWrap(true);
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addWidget(page.body, 1);
    pages_->addWidget(widget);
    titles_.push_back(page.title);
}

void TeachingTourDialog::addDatasetPages(const DatasetEntry& dataset)
{
    if (dataset.source && dataset.source->itemCount() > 0) {
        const ImageAnalysis image = analyseImage(*dataset.source, 0, DecodeLimits{});
        if (image.ok()) {
            addPage(imagePage(image, dataset.source->itemPath(0).text));
            addPage(intensityHistogramPage(image));
            addPage(imageEntropyPage(image));
        }
    }
    if (dataset.profile && dataset.jsd && dataset.jsd->complexity) {
        if (const JsdPair* pair = widestPair(*dataset.jsd)) {
            addPage(twoClassesPage(*dataset.profile, pair->a, pair->b));
            addPage(jsDistancePage(*dataset.profile, pair->a, pair->b, int(dataset.jsd->pairs.size()),
                                   dataset.jsd->sum, *dataset.jsd->complexity));
        }
    }
}

void TeachingTourDialog::addModelPages(const Report& report, const TourComplexity& scanned)
{
    // The dataset with the most models that have a CO2 and a score: the richest curve.
    const DatasetResult* richest = nullptr;
    std::size_t most = 0;
    for (const DatasetResult& d : report.datasets)
        if (const std::size_t n = plottableModels(report, d).size(); n > most) {
            most = n;
            richest = &d;
        }
    if (!richest)
        return;
    addPage(modelTablePage(report, *richest));
    addPage(saturationPage(report, *richest));
    addPage(noFadePage(report, *richest, scanned));
}

int TeachingTourDialog::currentPage() const { return pages_->currentIndex(); }

void TeachingTourDialog::showPage(int page)
{
    page = std::clamp(page, 0, pageCount() - 1);
    pages_->setCurrentIndex(page);
    step_->setText(tr("%1 of %2: %3").arg(page + 1).arg(pageCount()).arg(titles_[std::size_t(page)]));
    back_->setEnabled(page > 0);
    next_->setEnabled(page + 1 < pageCount());
}

bool TeachingTourDialog::navigate(int key)
{
    switch (key) {
    case Qt::Key_Right:
    case Qt::Key_PageDown:
    case Qt::Key_Space:
        next();
        return true;
    case Qt::Key_Left:
    case Qt::Key_PageUp:
    case Qt::Key_Backspace:
        back();
        return true;
    case Qt::Key_Home:
        showPage(0);
        return true;
    case Qt::Key_End:
        showPage(pageCount() - 1);
        return true;
    default:
        return false;
    }
}

bool TeachingTourDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress)
        return QDialog::eventFilter(watched, event);
    auto* widget = qobject_cast<QWidget*>(watched);
    if (!widget || (widget != this && !isAncestorOf(widget)))
        return false;
    auto* key = static_cast<QKeyEvent*>(event);
    if (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    // A text field keeps its editing keys; the clicker's Page Up/Down still turn the page.
    if (qobject_cast<QLineEdit*>(widget) && key->key() != Qt::Key_PageDown && key->key() != Qt::Key_PageUp)
        return false;
    return navigate(key->key());
}

} // namespace nofade::ui
