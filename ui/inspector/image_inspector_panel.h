#pragma once
// The image inspector (for teaching): one dataset image, its greyscale version, its 256-bin
// intensity histogram and its entropy with the formula's numbers; steps through the images of a
// dataset or a class (or of one histogram bin) from the lowest or the highest entropy.
// Images are decoded in a worker; a newer request supersedes an older one (result token).
#include <QFutureWatcher>
#include <QWidget>

#include "inspector/image_analysis.h"
#include "profile/image_ranking.h"

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTextBrowser;

namespace nofade::ui {

class DatasetComboBox;
class DatasetStore;
class IntensityHistogramWidget;

class ImageInspectorPanel : public QWidget {
    Q_OBJECT
public:
    explicit ImageInspectorPanel(DatasetStore* store, QWidget* parent = nullptr);
    ~ImageInspectorPanel() override;

    // Shows the images of a dataset, optionally one class and an entropy range, lowest first.
    void showImages(int datasetId, int classIndex = -1, std::optional<double> lower = {},
                    std::optional<double> upper = {});
    // Shows one image (its position in the profile's perImage) among the images of its class,
    // so that stepping goes on to its neighbours in entropy.
    void showImage(int datasetId, int imagePosition);
    void showLowest();
    void showHighest();
    void step(int delta);
    int position() const { return position_; }
    int imageCount() const { return int(ranking_.size()); }
    // The profile entry shown (nullptr when none).
    const ImageEntropy* currentImage() const;
    const ImageAnalysis& analysis() const { return analysis_; }
    bool isLoading() const { return loading_; }

Q_SIGNALS:
    void imageShown(); // after the current image was decoded (or failed)

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void fillClasses();
    void rerank();      // when visible, else on show
    void rerankNow();
    void showPosition(int position);
    void imageReady();
    void updatePictures();

    DatasetStore* store_;
    DatasetComboBox* dataset_;
    QComboBox* class_;
    QLabel* range_;
    QPushButton* clearRange_;
    QPushButton* lowest_;
    QPushButton* previous_;
    QSpinBox* positionBox_;
    QLabel* countLabel_;
    QPushButton* next_;
    QPushButton* highest_;
    QLabel* colour_;
    QLabel* gray_;
    QLabel* caption_;
    IntensityHistogramWidget* histogram_;
    QTextBrowser* formula_;

    class LazyUpdateController* lazy_;
    RankingFilter filter_;
    std::vector<int> ranking_; // positions into the profile's perImage
    int position_ = -1;
    int wanted_ = -1; // the perImage position the next ranking starts at (-1: the lowest)
    std::uint64_t token_ = 0;
    bool loading_ = false;
    ImageAnalysis analysis_;
    QFutureWatcher<std::pair<std::uint64_t, ImageAnalysis>> watcher_;
};

} // namespace nofade::ui
