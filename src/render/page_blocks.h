// The A4 paginator every typeset document shares (worked solutions, exercise
// sheets, answer keys): a list of blocks, each HTML (typeset with
// QTextDocument) or drawn (a figure, a space to work), laid out once at the
// page width. A block never starts where it does not fit, and a block marked
// keepWithNext moves to the next page together with the one after it. Every
// page gets a footer (the title, "page k of n"). The same layout is painted on
// a QPdfWriter for the file or on a QImage for an on-screen preview.
// QtGui only: a QGuiApplication must exist (fonts).
#pragma once

#include "core/result.h"

#include <QImage>
#include <QPainter>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace bpl::io {

struct PageBlock {
    QString html; // typeset when `paint` is empty
    // A drawn block: its size in points for the available width, and how it
    // draws itself into a rectangle in points.
    std::function<QSizeF(double maxWidthPt)> size;
    std::function<void(QPainter&, const QRectF&)> paint;
    double gapBeforePt = 4;    // space above it (not at the top of a page)
    bool keepWithNext = false; // stays on the page of the block after it
};

struct PageSetup {
    QString title; // the PDF's title and the footer's left
    QString css;   // default style sheet of the HTML blocks
    QString bodyFont = "DejaVu Serif";
    double bodyPointSize = 10.5;
};

// A4 portrait; margins left, top, right, bottom in millimetres.
constexpr double kPageMarginsMm[4] = {20, 18, 20, 16};

class PagedDocument {
  public:
    PagedDocument(std::vector<PageBlock> blocks, PageSetup setup);

    // Pages as laid out for the preview (the PDF paginates the same blocks the
    // same way at the same resolution; font hinting may move a line rarely).
    int pageCount() const;
    // The whole A4 page (margins included) on white, `dpi` pixels per inch.
    QImage pageImage(int page, double dpi) const;
    // Writes the PDF all or nothing (io/safe_file.h); fails with the path and
    // the reason (folder missing, not a regular file, no QGuiApplication …).
    Result<bool> writePdf(const QString& path) const;
    // The PDF's bytes (for a caller that writes them itself). Any thread may
    // call it: it needs a QGuiApplication but no QWidget.
    Result<QByteArray> pdf() const;

    const std::vector<PageBlock>& blocks() const { return blocks_; }

  private:
    struct Layout;
    std::vector<PageBlock> blocks_;
    PageSetup setup_;
    mutable std::shared_ptr<Layout> preview_; // laid out on first use
};

} // namespace bpl::io
