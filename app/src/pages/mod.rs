pub mod errors;
pub mod homes;
pub mod landing;
pub mod record;
pub mod register;
pub mod reset;
pub mod signin;
