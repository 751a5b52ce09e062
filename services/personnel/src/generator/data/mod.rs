//! The generator's data tables, apart from the code that draws from them.

pub(super) mod names;
pub(super) mod places;
pub(super) mod tracks;
