#include "core/check/class_scores.h"

#include <algorithm>
#include <numeric>

namespace bpl {

std::string questionMarkKey(QuestionMark mark) {
    switch (mark) {
    case QuestionMark::Correct:
        return "correct";
    case QuestionMark::Wrong:
        return "wrong";
    case QuestionMark::Carried:
        return "carried";
    case QuestionMark::Missing:
        return "missing";
    }
    return "missing";
}

double ScriptScore::score() const {
    const int asked = static_cast<int>(marks.size());
    return asked == 0 ? 0.0 : static_cast<double>(correct) / asked;
}

double QuestionTally::shareWrong() const {
    const int n = scripts();
    return n == 0 ? 0.0 : static_cast<double>(wrong) / n;
}

void ClassScores::add(ScriptScore script) {
    tallies.resize(questions.size());
    script.marks.resize(questions.size(), QuestionMark::Missing);
    script.correct = script.wrong = script.carried = script.missing = 0;
    for (size_t k = 0; k < questions.size(); ++k) {
        QuestionTally& t = tallies[k];
        switch (script.marks[k]) {
        case QuestionMark::Correct:
            ++script.correct, ++t.correct;
            break;
        case QuestionMark::Wrong:
            ++script.wrong, ++t.wrong;
            break;
        case QuestionMark::Carried:
            ++script.carried, ++t.carried;
            break;
        case QuestionMark::Missing:
            ++script.missing, ++t.missing;
            break;
        }
    }
    scripts.push_back(std::move(script));
}

std::vector<int> ClassScores::mostMissedFirst() const {
    std::vector<int> order(tallies.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [this](int x, int y) {
        if (tallies[x].wrong != tallies[y].wrong)
            return tallies[x].wrong > tallies[y].wrong;
        return tallies[x].carried > tallies[y].carried;
    });
    return order;
}

} // namespace bpl
