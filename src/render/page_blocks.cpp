#include "render/page_blocks.h"

#include "io/safe_file.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

#include <algorithm>
#include <cmath>

namespace bpl::io {

namespace {

constexpr int kDpi = 300;           // device units of every layout
constexpr double kPt = kDpi / 72.0; // device units per point
constexpr double kMmToUnits = kDpi / 25.4;

bool haveGui() {
    return qobject_cast<QGuiApplication*>(QCoreApplication::instance()) != nullptr;
}

// The content area (inside the margins) in device units.
QSizeF contentSize() {
    const QSizeF a4 = QPageSize(QPageSize::A4).size(QPageSize::Millimeter);
    return {(a4.width() - kPageMarginsMm[0] - kPageMarginsMm[2]) * kMmToUnits,
            (a4.height() - kPageMarginsMm[1] - kPageMarginsMm[3]) * kMmToUnits};
}

} // namespace

struct PagedDocument::Layout {
    std::vector<std::unique_ptr<QTextDocument>> docs; // null for drawn blocks
    std::vector<QSizeF> drawn;                        // drawn blocks' sizes in points
    std::vector<double> heights;                      // device units
    struct Placed {
        int page = 0;
        double y = 0;
    };
    std::vector<Placed> placed;
    int pages = 1;
    double width = 0;      // device units
    double height = 0;     // the whole content area
    double pageHeight = 0; // without the footer

    Layout(const std::vector<PageBlock>& blocks, const PageSetup& setup, QPaintDevice* device,
           QSizeF content);
    void paint(QPainter& painter, const std::vector<PageBlock>& blocks, const QString& title,
               int page) const;
};

PagedDocument::Layout::Layout(const std::vector<PageBlock>& blocks, const PageSetup& setup,
                              QPaintDevice* device, QSizeF content)
    : width(content.width()), height(content.height()), pageHeight(content.height() - 16 * kPt) {
    // Lay every block out once at the page width.
    for (const PageBlock& b : blocks) {
        if (b.paint) {
            const QSizeF size = b.size ? b.size(width / kPt) : QSizeF(0, 0);
            docs.push_back(nullptr);
            drawn.push_back(size);
            heights.push_back(size.height() * kPt);
            continue;
        }
        auto doc = std::make_unique<QTextDocument>();
        doc->documentLayout()->setPaintDevice(device);
        doc->setDocumentMargin(0);
        QFont body(setup.bodyFont);
        body.setPointSizeF(setup.bodyPointSize);
        doc->setDefaultFont(body);
        doc->setDefaultStyleSheet(setup.css);
        doc->setHtml(b.html);
        doc->setTextWidth(width);
        heights.push_back(doc->size().height());
        drawn.emplace_back();
        docs.push_back(std::move(doc));
    }
    // Paginate: a block never starts where it does not fit, and a kept block
    // moves to the next page together with the block after it.
    placed.resize(blocks.size());
    int page = 0;
    double y = 0;
    for (size_t k = 0; k < blocks.size(); ++k) {
        double gap = y > 0 ? blocks[k].gapBeforePt * kPt : 0;
        double need = gap + heights[k];
        for (size_t m = k; blocks[m].keepWithNext && m + 1 < blocks.size(); ++m) {
            need += blocks[m + 1].gapBeforePt * kPt + heights[m + 1];
        }
        if (y > 0 && y + std::min(need, pageHeight) > pageHeight) {
            ++page;
            y = 0;
            gap = 0;
        }
        placed[k] = {page, y + gap};
        y += gap + heights[k];
        while (y > pageHeight) { // taller than a page: it continues on the next
            ++page;
            y -= pageHeight;
        }
    }
    pages = page + 1;
}

void PagedDocument::Layout::paint(QPainter& painter, const std::vector<PageBlock>& blocks,
                                  const QString& title, int p) const {
    for (size_t k = 0; k < blocks.size(); ++k) {
        // A block starting on an earlier page may still overlap this one.
        const double top = placed[k].y + (placed[k].page - p) * pageHeight;
        if (top >= pageHeight || top + heights[k] <= 0)
            continue;
        painter.save();
        painter.setClipRect(QRectF(0, 0, width, pageHeight));
        painter.translate(0, top);
        if (docs[k] == nullptr) {
            painter.scale(kPt, kPt);
            blocks[k].paint(painter, QRectF(QPointF(0, 0), drawn[k]));
        } else {
            docs[k]->drawContents(&painter);
        }
        painter.restore();
    }
    QFont small("DejaVu Sans");
    small.setPixelSize(int(std::lround(7.5 * kPt)));
    painter.setFont(small);
    painter.setPen(QColor(110, 110, 110));
    const QRectF foot(0, height - 10 * kPt, width, 10 * kPt);
    painter.drawText(foot, Qt::AlignLeft | Qt::AlignVCenter, title);
    painter.drawText(foot, Qt::AlignRight | Qt::AlignVCenter,
                     QString("page %1 of %2").arg(p + 1).arg(pages));
    painter.setPen(QPen(QColor(190, 190, 190), 0.5 * kPt));
    painter.drawLine(QPointF(0, foot.top() - 2 * kPt), QPointF(width, foot.top() - 2 * kPt));
}

PagedDocument::PagedDocument(std::vector<PageBlock> blocks, PageSetup setup)
    : blocks_(std::move(blocks)), setup_(std::move(setup)) {}

namespace {

// A device that measures fonts at the layout resolution, for the preview.
QImage& previewDevice() {
    static QImage device = [] {
        QImage image(1, 1, QImage::Format_ARGB32_Premultiplied);
        image.setDotsPerMeterX(int(std::lround(kDpi / 0.0254)));
        image.setDotsPerMeterY(int(std::lround(kDpi / 0.0254)));
        return image;
    }();
    return device;
}

} // namespace

int PagedDocument::pageCount() const {
    if (!haveGui())
        return 0;
    if (!preview_)
        preview_ = std::make_shared<Layout>(blocks_, setup_, &previewDevice(), contentSize());
    return preview_->pages;
}

QImage PagedDocument::pageImage(int page, double dpi) const {
    if (pageCount() == 0 || page < 0 || page >= preview_->pages || !(dpi > 0) || dpi > 1200)
        return {};
    const QSizeF a4 = QPageSize(QPageSize::A4).size(QPageSize::Millimeter);
    const double perMm = dpi / 25.4;
    QImage image(int(std::lround(a4.width() * perMm)), int(std::lround(a4.height() * perMm)),
                 QImage::Format_ARGB32_Premultiplied);
    image.setDotsPerMeterX(int(std::lround(dpi / 0.0254)));
    image.setDotsPerMeterY(int(std::lround(dpi / 0.0254)));
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.translate(kPageMarginsMm[0] * perMm, kPageMarginsMm[1] * perMm);
    painter.scale(dpi / kDpi, dpi / kDpi);
    preview_->paint(painter, blocks_, setup_.title, page);
    painter.end();
    return image;
}

Result<bool> PagedDocument::writePdf(const QString& path) const {
    const std::string file = path.toStdString();
    if (auto target = checkOutputPath(path); !target)
        return target.error();
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return Error{file, "", "cannot write (the folder does not exist)"};
    auto bytes = pdf();
    if (!bytes) {
        Error e = bytes.error();
        e.file = file;
        return e;
    }
    return writeFileAtomically(path, bytes.value());
}

Result<QByteArray> PagedDocument::pdf() const {
    if (!haveGui())
        return Error{"", "", "writing a PDF needs a QGuiApplication (fonts), and none exists"};
    // Drawn in memory: the caller writes it all or nothing (io/safe_file.h),
    // so a failed export leaves an existing file untouched.
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    QPdfWriter writer(&out);
    writer.setResolution(kDpi);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(
        QMarginsF(kPageMarginsMm[0], kPageMarginsMm[1], kPageMarginsMm[2], kPageMarginsMm[3]),
        QPageLayout::Millimeter);
    writer.setTitle(setup_.title);
    writer.setCreator("Backprop Lab");
    QPainter painter;
    if (!painter.begin(&writer))
        return Error{"", "", "cannot write the PDF (permission denied or disk full?)"};
    const Layout layout(blocks_, setup_, &writer, QSizeF(writer.width(), writer.height()));
    for (int p = 0; p < layout.pages; ++p) {
        if (p > 0)
            writer.newPage();
        layout.paint(painter, blocks_, setup_.title, p);
    }
    if (!painter.end())
        return Error{"", "", "cannot finish writing the PDF"};
    out.close();
    return out.data();
}

} // namespace bpl::io
