//! Moving through the program, and adjusting it (the session's own copy).

use jiff::Timestamp;

use super::{Block, BlockKind, ModelError, Session, Timer};
use crate::programs::is_valid_id;

impl Session {
    /// The block the workshop is at: the saved one, else the first block.
    pub fn current_block(&self) -> Option<&Block> {
        let saved = self.progress.current_block.as_deref();
        saved
            .and_then(|id| self.program.block(id))
            .or_else(|| self.program.blocks().next().map(|(_, b)| b))
    }

    /// The index of the day the current block belongs to.
    pub fn current_day(&self) -> usize {
        let id = self.current_block().map(|b| b.id.clone());
        self.program
            .blocks()
            .find(|(_, b)| Some(&b.id) == id.as_ref())
            .map_or(0, |(d, _)| d)
    }

    /// Moves the workshop to block `id`. Only the block the room is at may count
    /// time: a timer running elsewhere is paused.
    pub fn go_to_block(&mut self, id: &str, now: Timestamp) -> Result<(), ModelError> {
        if self.program.block(id).is_none() {
            return Err(ModelError::UnknownBlock(id.to_string()));
        }
        self.pause_timers_but(Some(id), now);
        self.progress.current_block = Some(id.to_string());
        Ok(())
    }

    /// Moves to the next (`+1`) or previous (`-1`) block that is not skipped,
    /// across days, pausing the timer of the block it leaves. Returns whether it moved.
    pub fn step_block(&mut self, delta: isize, now: Timestamp) -> bool {
        let order: Vec<&Block> = self
            .program
            .blocks()
            .map(|(_, b)| b)
            .filter(|b| !b.skipped)
            .collect();
        let current = self.current_block().map(|b| b.id.clone());
        let Some(i) = order.iter().position(|b| Some(&b.id) == current.as_ref()) else {
            return match order.first().map(|b| b.id.clone()) {
                Some(first) => self.go_to_block(&first, now).is_ok(),
                None => false,
            };
        };
        let j = i.saturating_add_signed(delta);
        match order.get(j).filter(|_| j != i).map(|b| b.id.clone()) {
            Some(next) => self.go_to_block(&next, now).is_ok(),
            None => false,
        }
    }

    pub fn is_done(&self, block: &str) -> bool {
        self.progress.done_blocks.iter().any(|b| b == block)
    }

    /// Marks a block done (its timer stops) or not done.
    pub fn toggle_done(&mut self, block: &str, now: Timestamp) {
        if self.is_done(block) {
            self.progress.done_blocks.retain(|b| b != block);
        } else {
            self.progress.done_blocks.push(block.to_string());
            if let Some(timer) = self.progress.timers.get_mut(block) {
                timer.pause(now);
            }
        }
        self.changed = now;
    }

    /// Starts or pauses a block's timer. Starting one pauses any other, so that
    /// at most one counts at a time.
    pub fn toggle_timer(&mut self, block: &str, now: Timestamp) {
        if self.timer(block).is_running() {
            self.timer_mut(block).pause(now);
        } else {
            self.pause_timers_but(Some(block), now);
            self.timer_mut(block).start(now);
        }
    }

    /// Pauses every running timer (when the app closes); whether one was running.
    pub fn pause_timers(&mut self, now: Timestamp) -> bool {
        self.pause_timers_but(None, now)
    }

    fn pause_timers_but(&mut self, keep: Option<&str>, now: Timestamp) -> bool {
        let mut paused = false;
        for (block, timer) in &mut self.progress.timers {
            if timer.is_running() && Some(block.as_str()) != keep {
                timer.pause(now);
                paused = true;
            }
        }
        paused
    }

    pub fn timer(&self, block: &str) -> Timer {
        self.progress.timers.get(block).copied().unwrap_or_default()
    }

    /// The timer of a block, to reset or adjust (start and pause it with
    /// [`Session::toggle_timer`], which keeps one running at most).
    pub fn timer_mut(&mut self, block: &str) -> &mut Timer {
        self.progress.timers.entry(block.to_string()).or_default()
    }

    pub fn progress_mut(&mut self) -> &mut super::Progress {
        &mut self.progress
    }

    /// Minutes ahead (negative) or behind (positive) the plan on the current day:
    /// for each block up to the current one, the time it took (its timer, where
    /// used) against the time it was given, plus the current block's overtime.
    pub fn minutes_behind(&self, now: Timestamp) -> i64 {
        let day = self.current_day();
        let current = self.current_block().map(|b| b.id.clone());
        let mut behind = 0;
        for block in self.program.days[day].blocks.iter().filter(|b| !b.skipped) {
            let timer = self.timer(&block.id);
            let planned = i64::from(block.minutes) * 60 + timer.extra_secs;
            let is_current = Some(&block.id) == current.as_ref();
            if is_current {
                behind += (timer.elapsed(now) - planned).max(0);
                break;
            }
            if timer.elapsed(now) > 0 {
                behind += timer.elapsed(now) - planned;
            }
        }
        behind / 60
    }

    /// Sets a block's planned length (at least a minute).
    pub fn set_block_minutes(&mut self, id: &str, minutes: u32, now: Timestamp) {
        if let Some(block) = self.block_mut(id) {
            block.minutes = minutes.max(1);
            self.changed = now;
        }
    }

    pub fn toggle_skip(&mut self, id: &str, now: Timestamp) {
        if let Some(block) = self.block_mut(id) {
            block.skipped = !block.skipped;
            self.changed = now;
        }
    }

    /// Moves a block up or down within its day.
    pub fn move_block(&mut self, id: &str, delta: isize, now: Timestamp) {
        for day in &mut self.program.days {
            if let Some(i) = day.blocks.iter().position(|b| b.id == id) {
                let j = i.saturating_add_signed(delta);
                if j < day.blocks.len() && j != i {
                    day.blocks.swap(i, j);
                    self.changed = now;
                }
                return;
            }
        }
    }

    /// Adds an own question block at the end of a day (before its last block, which
    /// closes the day) feeding the given agreement sections. Returns its new id.
    pub fn add_question_block(
        &mut self,
        day: usize,
        question: &str,
        sections: Vec<String>,
        minutes: u32,
        now: Timestamp,
    ) -> Result<String, ModelError> {
        let question = question.trim();
        if question.is_empty() {
            return Err(ModelError::EmptyQuestion);
        }
        if let Some(unknown) = sections.iter().find(|s| self.program.section(s).is_none()) {
            return Err(ModelError::UnknownSection(unknown.clone()));
        }
        let id = (1..)
            .map(|n| format!("egen-fraga-{n}"))
            .find(|id| self.program.block(id).is_none() && is_valid_id(id))
            .unwrap_or_default();
        let Some(day) = self.program.days.get_mut(day) else {
            return Err(ModelError::UnknownBlock(id));
        };
        let at = day.blocks.len().saturating_sub(1);
        day.blocks.insert(
            at,
            Block {
                id: id.clone(),
                kind: BlockKind::Question,
                title: question.chars().take(40).collect(),
                minutes: minutes.max(1),
                question: Some(question.to_string()),
                source: None,
                guidance: None,
                sections,
                skipped: false,
                shows_action_items: false,
                shows_board: false,
                round_starts_with: None,
            },
        );
        self.changed = now;
        Ok(id)
    }

    fn block_mut(&mut self, id: &str) -> Option<&mut Block> {
        self.program
            .days
            .iter_mut()
            .flat_map(|d| d.blocks.iter_mut())
            .find(|b| b.id == id)
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Session;
    use crate::programs;
    use jiff::Timestamp;

    const NOW: Timestamp = Timestamp::UNIX_EPOCH;

    #[test]
    fn stepping_skips_skipped_blocks_and_crosses_days() {
        let program = programs::built_in("skr-tva-dagar").unwrap().unwrap();
        let mut s = Session::new(program, "K", "T", NOW);
        assert_eq!(s.current_block().unwrap().id, "valkommen");
        assert!(!s.step_block(-1, NOW));
        s.toggle_skip("vad-nar-hur-vem", NOW);
        assert!(s.step_block(1, NOW));
        assert_eq!(s.current_block().unwrap().id, "fortroendevaldas-uppdrag");
        s.go_to_block("summering-dag-1", NOW).unwrap();
        assert!(s.step_block(1, NOW));
        assert_eq!(s.current_block().unwrap().id, "aterblick");
        assert_eq!(s.current_day(), 1);
    }

    #[test]
    fn an_own_question_goes_before_the_days_closing_block() {
        let program = programs::built_in("skr-en-dag").unwrap().unwrap();
        let mut s = Session::new(program, "K", "T", NOW);
        let id = s
            .add_question_block(
                0,
                "Hur delar vi information?",
                vec!["kontakter".into()],
                20,
                NOW,
            )
            .unwrap();
        let blocks = &s.program().days[0].blocks;
        assert_eq!(blocks[blocks.len() - 2].id, id);
        assert!(
            s.add_question_block(0, "x", vec!["nope".into()], 20, NOW)
                .is_err()
        );
        assert!(programs::validate(s.program()).is_empty());
    }

    #[test]
    fn minutes_behind_counts_overtime() {
        let program = programs::built_in("skr-en-dag").unwrap().unwrap();
        let mut s = Session::new(program, "K", "T", NOW);
        let t = |m: i64| Timestamp::from_second(m * 60).unwrap();
        s.toggle_timer("valkommen", t(0));
        s.toggle_timer("valkommen", t(27)); // planned 15: 12 behind
        s.go_to_block("vad-nar-hur-vem", t(27)).unwrap();
        assert_eq!(s.minutes_behind(t(27)), 12);
        s.toggle_timer("vad-nar-hur-vem", t(27));
        assert_eq!(s.minutes_behind(t(27 + 20)), 17);
    }

    #[test]
    fn only_the_current_blocks_timer_counts() {
        let program = programs::built_in("skr-en-dag").unwrap().unwrap();
        let mut s = Session::new(program, "K", "T", NOW);
        let t = |m: i64| Timestamp::from_second(m * 60).unwrap();
        let running = |s: &Session| {
            s.progress()
                .timers
                .values()
                .filter(|t| t.is_running())
                .count()
        };
        s.toggle_timer("valkommen", t(0));
        // Leaving the block pauses it; coming back later, it has not counted.
        assert!(s.step_block(1, t(1)));
        assert_eq!(running(&s), 0);
        s.toggle_timer("vad-nar-hur-vem", t(1));
        assert!(s.step_block(-1, t(5)));
        assert_eq!(s.timer("valkommen").elapsed(t(30)), 60);
        assert_eq!(s.timer("vad-nar-hur-vem").elapsed(t(30)), 4 * 60);
        // Starting one pauses another; marking a block done stops its timer.
        s.toggle_timer("valkommen", t(30));
        s.timer_mut("vad-nar-hur-vem").start(t(30));
        s.toggle_timer("valkommen", t(31));
        s.toggle_timer("valkommen", t(32));
        assert_eq!(running(&s), 1);
        s.toggle_done("valkommen", t(33));
        assert_eq!(running(&s), 0);
        assert_eq!(s.timer("valkommen").elapsed(t(90)), 3 * 60);
        s.toggle_timer("valkommen", t(90));
        assert!(s.pause_timers(t(91)));
        assert!(!s.pause_timers(t(92)));
    }
}
