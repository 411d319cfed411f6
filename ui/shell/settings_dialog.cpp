#include "shell/settings_dialog.h"

#include <algorithm>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include "complexity/measure_names.h"
#include "scan/scanner.h"

namespace nofade::ui {

namespace {
QLabel* explanation(const QString& text)
{
    auto* label = new QLabel(text);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setStyleSheet(QStringLiteral("color: palette(placeholder-text); margin-bottom: 8px;"));
    return label;
}
} // namespace

SettingsDialog::SettingsDialog(const ScanSettings& current, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Analysis settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    gray_ = new QComboBox;
    gray_->setObjectName(QStringLiteral("grayMode"));
    gray_->addItem(tr("exact (PIL-identical luma)"), grayModeName(GrayMode::Exact));
    gray_->addItem(tr("fast (codec greyscale)"), grayModeName(GrayMode::Fast));
    gray_->setCurrentIndex(current.profile.gray == GrayMode::Fast ? 1 : 0);
    form->addRow(tr("&Greyscale:"), gray_);
    form->addRow(explanation(tr("How a colour image becomes 8-bit grey before its entropy is taken. "
                                "<b>exact</b>: L = (19595 R + 38470 G + 7471 B + 32768) &gt;&gt; 16, bit-identical "
                                "to PIL <tt>convert(\"L\")</tt> and torchvision. <b>fast</b>: the decoder's own "
                                "greyscale (JPEG luma plane), about 1.7&times; faster; per-image entropies differ by "
                                "about 0.02 bits.")));

    bins_ = new QSpinBox;
    bins_->setObjectName(QStringLiteral("bins"));
    bins_->setRange(1, ProfileSettings::kMaxBins);
    bins_->setValue(current.profile.bins);
    form->addRow(tr("Class histogram &bins:"), bins_);
    form->addRow(explanation(tr("Each class's distribution is a histogram of its images' entropies over "
                                "[0, 8] bits with this many equal bins (default 64). Used by the histogram class "
                                "model for the Jensen-Shannon distances.")));

    classModel_ = new QComboBox;
    classModel_->setObjectName(QStringLiteral("classModel"));
    classModel_->addItem(tr("histogram"), classModelName(ClassModel::Histogram));
    classModel_->addItem(tr("gaussian"), classModelName(ClassModel::Gaussian));
    classModel_->setCurrentIndex(current.profile.classModel == ClassModel::Gaussian ? 1 : 0);
    form->addRow(tr("Class &model:"), classModel_);
    form->addRow(explanation(tr("<b>histogram</b>: JS distance between the classes' entropy histograms. "
                                "<b>gaussian</b>: fit N(&mu;, &sigma;) to each class's entropies and integrate the JS "
                                "distance between the two normals. C_JS = ln(sum of the pairwise JS distances).")));

    minClass_ = new QSpinBox;
    minClass_->setObjectName(QStringLiteral("minClassImages"));
    minClass_->setRange(1, 1000000);
    minClass_->setValue(current.profile.minClassImages);
    form->addRow(tr("Minimum &images per class:"), minClass_);
    form->addRow(explanation(tr("Classes with fewer images are left out of the JS pairs (default 1).")));

    threads_ = new QSpinBox;
    threads_->setObjectName(QStringLiteral("threads"));
    threads_->setRange(0, 256);
    threads_->setSpecialValueText(tr("automatic (%1)").arg(defaultThreadCount()));
    threads_->setValue(current.threads);
    form->addRow(tr("Worker &threads:"), threads_);
    form->addRow(explanation(tr("Threads that decode images during a scan. Automatic uses one per core. "
                                "Does not change any result.")));

    // The complexity measures: entropy always (it is the scan); the others on request.
    auto* measureRow = new QHBoxLayout;
    const QStringList names = measureNames();
    for (int i = 0; i < names.size(); ++i) {
        auto* box = new QCheckBox(names[i]);
        box->setObjectName(QStringLiteral("measure_%1").arg(names[i]));
        box->setProperty("measure", names[i]);
        box->setToolTip(measureDefinition(names[i]));
        box->setChecked(current.measures.names.contains(names[i]));
        if (names[i] == QLatin1String("entropy")) {
            box->setChecked(true);
            box->setEnabled(false);
        }
        measureRow->addWidget(box);
        measures_.push_back(box);
    }
    measureRow->addStretch(1);
    form->addRow(tr("Complexity measures:"), measureRow);
    measuresPerClass_ = new QSpinBox;
    measuresPerClass_->setObjectName(QStringLiteral("measuresPerClass"));
    measuresPerClass_->setRange(0, 1000000);
    measuresPerClass_->setSpecialValueText(tr("every image"));
    measuresPerClass_->setValue(int(std::min<std::int64_t>(current.measures.perClass, 1000000)));

    measuresReplicates_ = new QSpinBox;
    measuresReplicates_->setObjectName(QStringLiteral("measuresReplicates"));
    measuresReplicates_->setRange(1, MeasureSettings::kMaxReplicates);
    measuresReplicates_->setValue(current.measures.replicates);
    auto* sampleRow = new QHBoxLayout;
    auto* perClassLabel = new QLabel(tr("per &class"));
    perClassLabel->setBuddy(measuresPerClass_);
    auto* replicatesLabel = new QLabel(tr("re&plicates"));
    replicatesLabel->setBuddy(measuresReplicates_);
    sampleRow->addWidget(measuresPerClass_, 1);
    sampleRow->addWidget(perClassLabel);
    sampleRow->addSpacing(12);
    sampleRow->addWidget(measuresReplicates_, 1);
    sampleRow->addWidget(replicatesLabel);
    form->addRow(tr("Measure sample:"), sampleRow);
    form->addRow(explanation(tr("<b>si</b>, <b>bpp</b>: every image; <b>id</b>, <b>f1</b>, <b>n1</b>, <b>csg</b>: "
                                "seeded per-class samples of 32&times;32 images (the interval spans the replicates). "
                                "They cost scan time (only entropy by default) and are shown in the Complexity tab.")));

    rescan_ = new QCheckBox(tr("&Re-scan datasets that were scanned with other settings"));
    rescan_->setObjectName(QStringLiteral("rescan"));
    rescan_->setChecked(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
        const ScanSettings d;
        gray_->setCurrentIndex(0);
        bins_->setValue(d.profile.bins);
        classModel_->setCurrentIndex(0);
        minClass_->setValue(d.profile.minClassImages);
        threads_->setValue(d.threads);
        for (QCheckBox* box : measures_)
            box->setChecked(d.measures.names.contains(box->property("measure").toString()));
        measuresPerClass_->setValue(int(d.measures.perClass));
        measuresReplicates_->setValue(d.measures.replicates);
    });

    auto* content = new QWidget;
    content->setLayout(form);
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(content);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(rescan_);
    layout->addWidget(buttons);
    setMinimumWidth(560);
    // As tall as the form, but never taller than the screen (the form scrolls then).
    const int wanted = content->sizeHint().height() + rescan_->sizeHint().height() + buttons->sizeHint().height() + 48;
    const QScreen* where = parent ? parent->screen() : screen();
    resize(std::max(640, sizeHint().width()), where ? std::min(wanted, where->availableGeometry().height() - 40) : wanted);
}

ScanSettings SettingsDialog::settings() const
{
    ScanSettings s;
    s.profile.gray = grayModeFromName(gray_->currentData().toString()).value_or(GrayMode::Exact);
    s.profile.bins = bins_->value();
    s.profile.classModel = classModelFromName(classModel_->currentData().toString()).value_or(ClassModel::Histogram);
    s.profile.minClassImages = minClass_->value();
    s.threads = threads_->value();
    s.measures.names.clear();
    for (QCheckBox* box : measures_) // measureNames() order, as the profile keeps them
        if (box->isChecked())
            s.measures.names << box->property("measure").toString();
    s.measures.perClass = measuresPerClass_->value();
    s.measures.replicates = measuresReplicates_->value();
    return s;
}

bool SettingsDialog::rescanRequested() const { return rescan_->isChecked(); }

} // namespace nofade::ui
