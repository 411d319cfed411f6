// The decode floor: the least any tool must do to histogram every image of a folder - read each
// file, decode it with OpenCV in the chosen grey mode, histogram the grey pixels - on N threads.
// No entropy, no profile, no error reporting. nofade's scan is measured against this.
//
// usage: decode-floor FOLDER exact|fast THREADS   (prints: files images seconds)
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace fs = std::filesystem;

int main(int argc, char** argv)
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: decode-floor FOLDER exact|fast THREADS\n");
        return 2;
    }
    const bool fast = std::string(argv[2]) == "fast";
    const int threads = std::max(1, std::atoi(argv[3]));
    cv::setNumThreads(1); // parallelism is ours, one image per thread, like the scan

    const auto start = std::chrono::steady_clock::now();
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(argv[1]))
        if (e.is_regular_file())
            files.push_back(e.path());
    std::sort(files.begin(), files.end());

    std::atomic<std::size_t> next{0};
    std::atomic<long> decoded{0};
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&] {
            std::vector<char> bytes;
            std::vector<long> hist(256);
            for (std::size_t i; (i = next.fetch_add(1)) < files.size();) {
                std::ifstream in(files[i], std::ios::binary);
                bytes.assign(std::istreambuf_iterator<char>(in), {});
                const cv::Mat image = cv::imdecode(cv::Mat(1, int(bytes.size()), CV_8UC1, bytes.data()),
                                                   fast ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR);
                if (image.empty())
                    continue;
                cv::Mat grey = image;
                if (!fast)
                    cv::cvtColor(image, grey, cv::COLOR_BGR2GRAY);
                for (int y = 0; y < grey.rows; ++y) {
                    const unsigned char* row = grey.ptr<unsigned char>(y);
                    for (int x = 0; x < grey.cols; ++x)
                        ++hist[row[x]];
                }
                decoded.fetch_add(1);
            }
        });
    for (auto& t : pool)
        t.join();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%zu %ld %.6f\n", files.size(), decoded.load(), seconds);
    return 0;
}
