// Exercise sheets (issue 13, ISSUE13-DESIGN.md): for one student's variant of
// an exercise, the sheet they work on (title, their name, the variant code
// large enough to copy into Check mode, the network figure with their numbers
// and without the answers, the questions numbered in the course notation,
// space to work), the answer key (every asked value rounded as the sheet asks,
// then the worked solution of render/solution_document) and the class summary
// (every student's name, code and key values in compact tables). Each is a
// PagedDocument: written as an A4 PDF, or painted page by page on a QImage for
// an on-screen preview. QtGui only, no widgets.
#pragma once

#include "core/maths/convolution.h"
#include "core/maths/expression_graph.h"
#include "core/maths/worked_formula.h"
#include "core/quantity.h"
#include "core/trace.h"
#include "render/page_blocks.h"

#include <QJsonObject>
#include <QString>

#include <memory>
#include <vector>

namespace bpl::io {

// One asked value.
struct SheetQuestion {
    QString group;      // the step it belongs to ("Forward pass, layer 1")
    QString symbolHtml; // a<sub>1</sub><sup>(1)</sup>, in the sheet's notation
    QString symbolText; // a₁⁽¹⁾
    QString id;         // notation-free: "a[1][1]", "grad_weights[2][1][3]", "loss" (CSV columns)
    double exact = 0;
    QJsonObject answerRef; // the answers-file entry without its value
    QuantityRef ref;       // a network question's quantity (file numbering)
    MathsRef mathsRef;     // a chain-rule or convolution question's
};

// Everything one student's sheet and key show; self-contained (drawn blocks
// own what they draw).
struct ExerciseSheet {
    QString title;   // the exercise's title
    QString student; // as on the roster, any script
    QString code;    // "3-2-1/7F3K"
    int answerDecimals = 4;
    QString givenHtml; // what is given besides the figure (input, target, loss, η …)
    PageBlock figure;  // the exercise with the student's numbers, answers hidden
    std::vector<SheetQuestion> questions; // numbered 1, 2, … in this order
    std::vector<PageBlock> worked;        // the key's worked solution (render/solution_document)
};

// The sheet of a network variant: `trace` is the pass over the student's
// variant (its options give the notation and the worked solution's figures);
// the questions are the `asked` values (exercise::askedQuantityRefs: the one
// home of what a sheet asks) in the order of the trace's steps.
ExerciseSheet networkExerciseSheet(const Trace& trace, const std::vector<QuantityRef>& asked,
                                   int answerDecimals, const QString& title, const QString& student,
                                   const QString& code);

// The sheet of a chain-rule variant (the value of every operation, then ∂f/∂
// every node, as the worked solution orders them) and of a convolution variant
// (F, ∂E/∂W, ∂E/∂X, row by row): what exercise::askedMathsRefs asks (∂f/∂f = 1
// is given, not asked).
ExerciseSheet chainExerciseSheet(const ExpressionGraph& graph, int answerDecimals,
                                 const QString& title, const QString& student, const QString& code);
ExerciseSheet convolutionExerciseSheet(const Convolution& conv, int answerDecimals,
                                       const QString& title, const QString& student,
                                       const QString& code);

// A value as the key writes it: rounded (half away from zero) to the sheet's
// decimals, keeping at least 3 significant figures so tiny values stay
// checkable: keyValueText(0.576485, 4) = "0.5765", (0.0001234, 4) = "0.000123".
QString keyValueText(double exact, int answerDecimals);
// The same number as a double (what the key's answers file holds).
double keyValue(double exact, int answerDecimals);

PagedDocument studentSheetDocument(const ExerciseSheet& sheet);
PagedDocument answerKeyDocument(const ExerciseSheet& sheet);
// Every student's name, code and key values; `subtitle` says how the class
// was made ("30 students, class seed 1").
PagedDocument classSummaryDocument(const QString& title, const QString& subtitle,
                                   const std::vector<ExerciseSheet>& sheets);

} // namespace bpl::io
