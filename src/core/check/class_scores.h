// A class's marked scripts, for the teacher's view (`check --class`): per
// student the mark of every question of the sheet (correct, wrong, carried or
// missing) with totals and a score, and per question how many students got it
// right, wrong, carried an earlier slip or left it out, so the steps where the
// class slipped most stand out (most new mistakes first).
#pragma once

#include <string>
#include <vector>

namespace bpl {

enum class QuestionMark { Correct, Wrong, Carried, Missing };
// "correct", "wrong", "carried", "missing".
std::string questionMarkKey(QuestionMark mark);

struct ScriptScore {
    std::string student;
    std::string variant;             // "3-2-1/7F3K"
    std::string file;                // the answers file's name
    std::vector<QuestionMark> marks; // one per question, in the sheet's order
    int correct = 0, wrong = 0, carried = 0, missing = 0;
    // Correct answers over asked questions (0 … 1); 0 when nothing is asked.
    double score() const;
};

struct QuestionTally {
    int correct = 0, wrong = 0, carried = 0, missing = 0;
    int scripts() const { return correct + wrong + carried + missing; }
    // Share of the scripts with a new mistake here (0 … 1; 0 without scripts).
    double shareWrong() const;
};

struct ClassQuestion {
    std::string id;     // "a[1][2]"
    std::string symbol; // "a₂⁽¹⁾"
    std::string group;  // "Forward pass, layer 1"
};

struct ClassScores {
    std::vector<ClassQuestion> questions; // numbered 1, 2, … as on the sheet
    std::vector<ScriptScore> scripts;
    std::vector<QuestionTally> tallies; // one per question

    // Adds a script: its marks (one per question) are counted into the totals
    // and the tallies. Marks beyond the questions are ignored; missing ones count as missing.
    void add(ScriptScore script);
    // Question indices, most wrong first (then most carried, then sheet order).
    std::vector<int> mostMissedFirst() const;
};

} // namespace bpl
