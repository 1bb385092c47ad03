//! SKR's figure of who owns a question, as a board: *Politik – vad och när*,
//! *den gyllene zonen*, *Verksamhet – hur och vem*. Placing an item in a
//! column places it in that column's section of the agreement, so that the
//! room's sorting is what the draft is written from.

use jiff::Timestamp;

use super::{Item, MAIN, ModelError, Session};
use crate::i18n::{Lang, Msg, text};

/// A column of the board, left to right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Politik,
    GoldenZone,
    Verksamhet,
}

impl Column {
    pub const ALL: [Column; 3] = [Column::Politik, Column::GoldenZone, Column::Verksamhet];

    /// The section of the agreement the column feeds.
    pub fn section(self) -> &'static str {
        match self {
            Column::Politik => "ordforande",
            Column::GoldenZone => "gemensamt-ansvar",
            Column::Verksamhet => "direktor",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        text(
            lang,
            match self {
                Column::Politik => Msg::BoardPolitik,
                Column::GoldenZone => Msg::BoardGoldenZone,
                Column::Verksamhet => Msg::BoardVerksamhet,
            },
        )
    }

    /// What the column stands for, in a line under its heading.
    pub fn about(self, lang: Lang) -> &'static str {
        text(
            lang,
            match self {
                Column::Politik => Msg::BoardPolitikAbout,
                Column::GoldenZone => Msg::BoardGoldenZoneAbout,
                Column::Verksamhet => Msg::BoardVerksamhetAbout,
            },
        )
    }

    /// The column after this one; after the last, off the board.
    pub fn after(column: Option<Column>) -> Option<Column> {
        match column {
            None => Some(Column::Politik),
            Some(Column::Politik) => Some(Column::GoldenZone),
            Some(Column::GoldenZone) => Some(Column::Verksamhet),
            Some(Column::Verksamhet) => None,
        }
    }
}

impl Session {
    /// The column an item was placed in; only a placement made on purpose
    /// counts, not the section its block feeds anyway.
    pub fn board_column(&self, item: Item) -> Option<Column> {
        let placed = self.agreement.placed.iter().find(|p| p.item == item)?;
        Column::ALL
            .into_iter()
            .find(|c| c.section() == placed.section)
    }

    /// Places an item in a column, which marks it for the agreement (it now
    /// feeds that column's section); `None` takes it off the board, back to
    /// the section its block feeds.
    pub fn place_on_board(
        &mut self,
        item: Item,
        column: Option<Column>,
        now: Timestamp,
    ) -> Result<(), ModelError> {
        match column {
            Some(column) => {
                self.place_item(MAIN, item, column.section(), now)?;
                self.mark_item(item, true, now)?;
            }
            None => {
                self.agreement.placed.retain(|p| p.item != item);
                self.changed = now;
            }
        }
        Ok(())
    }

    /// The current block's items on the board, column by column, in the order
    /// they came.
    pub fn board(&self, block: &str) -> [Vec<Item>; 3] {
        let items = self.items_of(block, false);
        Column::ALL.map(|column| {
            let placed = items.iter().copied();
            placed
                .filter(|i| self.board_column(*i) == Some(column))
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Speaker;
    use crate::model::draft_agreement::compile;
    use crate::model::testing::{NOW, session};

    #[test]
    fn placing_an_answer_in_a_column_moves_it_to_that_columns_section() {
        let mut s = session(&["Åsa"]);
        let who = Speaker::Participant(s.participants()[0].id);
        let a = s
            .add_answer("gyllene-zonen", who, "Lokalfrågorna", false, NOW)
            .unwrap();
        let item = Item::Answer(a);
        let in_section = |s: &Session, id: &str| {
            let draft = compile(s, Lang::Sv);
            let section = draft.sections.iter().find(|x| x.id == id).unwrap();
            section.items.iter().any(|i| i.item == item)
        };
        s.place_on_board(item, Some(Column::Verksamhet), NOW)
            .unwrap();
        assert!(s.answer(a).unwrap().marked, "placed is marked");
        assert!(in_section(&s, "direktor"));
        assert!(!in_section(&s, "gemensamt-ansvar"));
        assert_eq!(s.board("gyllene-zonen"), [vec![], vec![], vec![item]]);
        s.place_on_board(item, None, NOW).unwrap();
        assert_eq!(s.board_column(item), None);
        assert!(
            in_section(&s, "gemensamt-ansvar"),
            "back where its block feeds"
        );
    }

    #[test]
    fn the_columns_go_round() {
        let mut column = None;
        let mut seen = Vec::new();
        for _ in 0..4 {
            column = Column::after(column);
            seen.push(column);
        }
        assert_eq!(
            seen,
            [
                Some(Column::Politik),
                Some(Column::GoldenZone),
                Some(Column::Verksamhet),
                None
            ]
        );
    }
}
