#include "inspector/image_inspector_panel.h"

#include <algorithm>
#include <QComboBox>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTextBrowser>
#include <QtConcurrent/QtConcurrentRun>

#include "dataset_list/dataset_combo_box.h"
#include "dataset_state/dataset_store.h"
#include "inspector/intensity_histogram_widget.h"
#include "shell/lazy_update_controller.h"

namespace nofade::ui {

namespace {
QLabel* pictureLabel()
{
    auto* l = new QLabel;
    l->setAlignment(Qt::AlignCenter);
    l->setMinimumSize(120, 120);
    l->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored); // the pixmap never drives the layout
    l->setFrameShape(QFrame::StyledPanel);
    return l;
}
} // namespace

ImageInspectorPanel::ImageInspectorPanel(DatasetStore* store, QWidget* parent) : QWidget(parent), store_(store)
{
    setObjectName(QStringLiteral("imageInspectorPanel"));
    lazy_ = new LazyUpdateController(this, [this] { rerankNow(); });
    setFocusPolicy(Qt::StrongFocus);
    dataset_ = new DatasetComboBox(store, false);
    dataset_->setObjectName(QStringLiteral("inspectorDataset"));
    class_ = new QComboBox;
    class_->setObjectName(QStringLiteral("inspectorClass"));
    range_ = new QLabel;
    clearRange_ = new QPushButton(tr("All entropies"));
    lowest_ = new QPushButton(tr("|◀ Lowest"));
    previous_ = new QPushButton(tr("◀"));
    positionBox_ = new QSpinBox;
    positionBox_->setObjectName(QStringLiteral("inspectorPosition"));
    countLabel_ = new QLabel;
    countLabel_->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("of 1,000,000")));
    next_ = new QPushButton(tr("▶"));
    highest_ = new QPushButton(tr("Highest ▶|"));
    lowest_->setToolTip(tr("The lowest-entropy image (Home)"));
    previous_->setToolTip(tr("Previous: lower entropy (Left)"));
    next_->setToolTip(tr("Next: higher entropy (Right)"));
    highest_->setToolTip(tr("The highest-entropy image (End)"));
    colour_ = pictureLabel();
    gray_ = pictureLabel();
    caption_ = new QLabel;
    caption_->setWordWrap(true);
    caption_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    histogram_ = new IntensityHistogramWidget;
    formula_ = new QTextBrowser;
    formula_->setObjectName(QStringLiteral("inspectorFormula"));
    formula_->setMinimumHeight(150);

    auto* scope = new QHBoxLayout;
    scope->addWidget(dataset_, 1);
    scope->addWidget(class_, 1);
    auto* rangeRow = new QHBoxLayout;
    rangeRow->addWidget(range_, 1);
    rangeRow->addWidget(clearRange_);
    auto* nav = new QHBoxLayout;
    nav->addWidget(lowest_);
    nav->addWidget(previous_);
    nav->addWidget(positionBox_);
    nav->addWidget(countLabel_);
    nav->addWidget(next_);
    nav->addWidget(highest_);
    auto* pictures = new QGridLayout;
    pictures->addWidget(new QLabel(tr("Image")), 0, 0, Qt::AlignHCenter);
    pictures->addWidget(new QLabel(tr("Greyscale (8-bit luma)")), 0, 1, Qt::AlignHCenter);
    pictures->addWidget(colour_, 1, 0);
    pictures->addWidget(gray_, 1, 1);
    pictures->setRowStretch(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(scope);
    layout->addLayout(rangeRow);
    layout->addLayout(nav);
    layout->addLayout(pictures, 3);
    layout->addWidget(caption_);
    layout->addWidget(histogram_, 1);
    layout->addWidget(formula_, 2);

    connect(dataset_, &DatasetComboBox::datasetChanged, this, [this] {
        fillClasses();
        rerank();
    });
    connect(class_, &QComboBox::currentIndexChanged, this, [this] {
        filter_.classIndex = class_->currentData().toInt();
        rerank();
    });
    connect(clearRange_, &QPushButton::clicked, this, [this] {
        filter_.lower.reset();
        filter_.upper.reset();
        rerank();
    });
    connect(lowest_, &QPushButton::clicked, this, &ImageInspectorPanel::showLowest);
    connect(highest_, &QPushButton::clicked, this, &ImageInspectorPanel::showHighest);
    connect(previous_, &QPushButton::clicked, this, [this] { step(-1); });
    connect(next_, &QPushButton::clicked, this, [this] { step(1); });
    connect(positionBox_, &QSpinBox::valueChanged, this, [this](int v) {
        if (v - 1 != position_)
            showPosition(v - 1);
    });
    connect(&watcher_, &QFutureWatcher<std::pair<std::uint64_t, ImageAnalysis>>::finished, this, &ImageInspectorPanel::imageReady);
    fillClasses();
    rerank();
}

ImageInspectorPanel::~ImageInspectorPanel() { watcher_.waitForFinished(); }

void ImageInspectorPanel::showImages(int datasetId, int classIndex, std::optional<double> lower, std::optional<double> upper)
{
    {
        const QSignalBlocker b(dataset_);
        dataset_->setCurrentId(datasetId);
    }
    fillClasses();
    {
        const QSignalBlocker b(class_);
        class_->setCurrentIndex(std::max(0, class_->findData(classIndex)));
    }
    filter_.classIndex = class_->currentData().toInt();
    filter_.lower = lower;
    filter_.upper = upper;
    rerank();
}

void ImageInspectorPanel::showImage(int datasetId, int imagePosition)
{
    const DatasetEntry* e = store_->find(datasetId);
    if (!e || !e->profile || imagePosition < 0 || imagePosition >= int(e->profile->perImage.size()))
        return;
    wanted_ = imagePosition; // read by the ranking, now or when the inspector is next shown
    showImages(datasetId, e->profile->perImage[std::size_t(imagePosition)].classIndex);
}

void ImageInspectorPanel::fillClasses()
{
    const QSignalBlocker b(class_);
    const int keep = class_->currentData().toInt();
    class_->clear();
    class_->addItem(tr("All classes"), -1);
    const DatasetEntry* e = store_->find(dataset_->currentId());
    if (e && e->profile)
        for (int i = 0; i < int(e->profile->classes.size()); ++i)
            class_->addItem(e->profile->classes[std::size_t(i)].name, i);
    class_->setCurrentIndex(std::max(0, class_->findData(keep)));
    filter_.classIndex = class_->currentData().toInt();
}

void ImageInspectorPanel::rerank() { lazy_->request(); }

void ImageInspectorPanel::rerankNow()
{
    const DatasetEntry* e = store_->find(dataset_->currentId());
    ranking_ = e && e->profile ? rankImages(e->profile->perImage, filter_) : std::vector<int>{};
    if (filter_.lower || filter_.upper)
        range_->setText(tr("Entropy in [%1, %2) bits").arg(filter_.lower.value_or(0.0), 0, 'f', 3).arg(filter_.upper.value_or(8.0), 0, 'f', 3));
    else
        range_->setText(tr("All entropies"));
    clearRange_->setEnabled(filter_.lower || filter_.upper);
    {
        const QSignalBlocker b(positionBox_);
        positionBox_->setRange(ranking_.empty() ? 0 : 1, std::max<int>(1, int(ranking_.size())));
    }
    countLabel_->setText(tr("of %1").arg(ranking_.size()));
    countLabel_->setToolTip(tr("Images ranked by entropy, lowest first"));
    position_ = -1;
    if (ranking_.empty()) {
        ++token_;
        colour_->clear();
        gray_->clear();
        histogram_->clear();
        formula_->clear();
        caption_->setText(e && e->profile && e->profile->perImage.empty()
                              ? tr("This profile has no per-image entropies (saved without them).")
                              : tr("No images match."));
        return;
    }
    const auto wanted = std::find(ranking_.begin(), ranking_.end(), wanted_);
    wanted_ = -1;
    showPosition(wanted != ranking_.end() ? int(wanted - ranking_.begin()) : 0);
}

void ImageInspectorPanel::showLowest() { showPosition(0); }

void ImageInspectorPanel::showHighest() { showPosition(int(ranking_.size()) - 1); }

void ImageInspectorPanel::step(int delta) { showPosition(std::clamp(position_ + delta, 0, int(ranking_.size()) - 1)); }

const ImageEntropy* ImageInspectorPanel::currentImage() const
{
    const DatasetEntry* e = store_->find(dataset_->currentId());
    if (!e || !e->profile || position_ < 0 || position_ >= int(ranking_.size()))
        return nullptr;
    return &e->profile->perImage[std::size_t(ranking_[std::size_t(position_)])];
}

void ImageInspectorPanel::showPosition(int position)
{
    if (position < 0 || position >= int(ranking_.size()))
        return;
    position_ = position;
    {
        const QSignalBlocker b(positionBox_);
        positionBox_->setValue(position + 1);
    }
    const DatasetEntry* e = store_->find(dataset_->currentId());
    const ImageEntropy* im = currentImage();
    if (!e || !im)
        return;
    QString cls = im->classIndex >= 0 ? e->profile->classes[std::size_t(im->classIndex)].name : tr("no class");
    caption_->setText(tr("<b>%1</b> · %2 · profile entropy <b>%3 bits</b> (gray %4)")
                          .arg(im->path.toHtmlEscaped(), cls.toHtmlEscaped())
                          .arg(im->entropy, 0, 'f', 4)
                          .arg(grayModeName(e->profile->settings.gray)));
    const std::uint64_t token = ++token_;
    if (!e->source) {
        loading_ = false;
        colour_->setText(tr("The images of this profile are not available\n(%1)").arg(e->path));
        gray_->clear();
        histogram_->clear();
        formula_->setHtml(tr("<p>Only the entropy stored in the profile is known: %1 bits.</p>").arg(im->entropy, 0, 'f', 4));
        Q_EMIT imageShown();
        return;
    }
    loading_ = true;
    std::shared_ptr<const DatasetSource> source = e->source;
    const std::int64_t item = im->index;
    const DecodeLimits limits = e->profile->settings.limits;
    watcher_.setFuture(QtConcurrent::run([source, item, limits, token] {
        return std::make_pair(token, analyseImage(*source, item, limits));
    }));
}

void ImageInspectorPanel::imageReady()
{
    const auto [token, analysis] = watcher_.result();
    if (token != token_)
        return; // superseded by a newer request, which is on its way
    loading_ = false;
    analysis_ = analysis;
    if (!analysis_.ok()) {
        colour_->setText(analysis_.error);
        gray_->clear();
        histogram_->clear();
        formula_->setHtml(tr("<p>Cannot show this image: %1</p>").arg(analysis_.error.toHtmlEscaped()));
    } else {
        histogram_->setHistogram(analysis_.histogram);
        QString html = analysis_.formulaHtml();
        const ImageEntropy* im = currentImage();
        if (im && std::abs(im->entropy - analysis_.entropy) > 1e-9)
            html += tr("<p><i>The profile holds %1 bits: it was made with gray mode \"%2\", the inspector uses exact luma.</i></p>")
                        .arg(im->entropy, 0, 'f', 4)
                        .arg(grayModeName(store_->find(dataset_->currentId())->profile->settings.gray));
        formula_->setHtml(html);
        updatePictures();
    }
    Q_EMIT imageShown();
}

void ImageInspectorPanel::updatePictures()
{
    if (!analysis_.ok() || analysis_.colour.isNull())
        return;
    auto scaled = [](const QImage& img, const QSize& box) {
        // Small images (28 x 28) are enlarged with sharp pixels, large ones shrunk smoothly.
        const bool enlarge = img.width() < box.width() && img.height() < box.height();
        return QPixmap::fromImage(img.scaled(box, Qt::KeepAspectRatio, enlarge ? Qt::FastTransformation : Qt::SmoothTransformation));
    };
    colour_->setPixmap(scaled(analysis_.colour, colour_->contentsRect().size() - QSize(4, 4)));
    gray_->setPixmap(scaled(analysis_.gray, gray_->contentsRect().size() - QSize(4, 4)));
}

void ImageInspectorPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    updatePictures();
}

void ImageInspectorPanel::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Left: step(-1); break;
    case Qt::Key_Right: step(1); break;
    case Qt::Key_PageUp: step(-10); break;
    case Qt::Key_PageDown: step(10); break;
    case Qt::Key_Home: showLowest(); break;
    case Qt::Key_End: showHighest(); break;
    default: QWidget::keyPressEvent(event);
    }
}

} // namespace nofade::ui
