//! The words of 错题本's mastered cards and its filter, in both languages.

/// 错题本's filter and mastered labels.
#[derive(Debug)]
pub struct Review {
    /// The cards still being learnt.
    pub learning: &'static str,
    /// The mastered cards.
    pub mastered: &'static str,
    /// The mastered filter with no card in it.
    pub none_mastered: &'static str,
    /// The learning filter with no card in it.
    pub none_learning: &'static str,
}

/// 中文.
pub static ZH: Review = Review {
    learning: "未掌握",
    mastered: "已掌握",
    none_mastered: "还没有已掌握的题：连续答对到下次复习在三周以后，就算掌握。",
    none_learning: "错题本里的题都已掌握 ✓",
};

/// English.
pub static EN: Review = Review {
    learning: "being learnt",
    mastered: "mastered",
    none_mastered: "No card mastered yet: one is when answered right until its next review is three weeks away.",
    none_learning: "Every card in the notebook is mastered ✓",
};
