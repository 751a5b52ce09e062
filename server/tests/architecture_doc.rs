//! `docs/ARCHITECTURE.md` lists every table and view the migrations create, one row each in
//! its "Tables" table. A migration that adds, drops or renames a table without a matching
//! change to the document fails here. No database needed: the SQL files are read as text.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The SQL with comments and string literals blanked out, cut into words and the
/// punctuation that separates names (`(`, `)`, `,`, `;`).
fn tokens(sql: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut chars = sql.chars().peekable();
    let flush = |word: &mut String, out: &mut Vec<String>| {
        if !word.is_empty() {
            out.push(std::mem::take(word));
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '-' if chars.peek() == Some(&'-') => {
                flush(&mut word, &mut out);
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                flush(&mut word, &mut out);
                chars.next();
                let mut previous = ' ';
                for c in chars.by_ref() {
                    if previous == '*' && c == '/' {
                        break;
                    }
                    previous = c;
                }
            }
            // A literal ('it''s' is two literals back to back: the same words result).
            '\'' => {
                flush(&mut word, &mut out);
                for c in chars.by_ref() {
                    if c == '\'' {
                        break;
                    }
                }
                out.push("''".to_owned());
            }
            '(' | ')' | ',' | ';' => {
                flush(&mut word, &mut out);
                out.push(c.to_string());
            }
            c if c.is_whitespace() => flush(&mut word, &mut out),
            c => word.push(c),
        }
    }
    flush(&mut word, &mut out);
    out
}

/// A name as PostgreSQL folds it: unquoted names lower-cased, `public.` dropped.
fn name(token: &str) -> String {
    let unqualified = token.strip_prefix("public.").unwrap_or(token);
    match unqualified.strip_prefix('"').and_then(|n| n.strip_suffix('"')) {
        Some(quoted) => quoted.to_owned(),
        None => unqualified.to_lowercase(),
    }
}

/// Applies one migration's `CREATE TABLE`/`VIEW`, `DROP TABLE`/`VIEW` and
/// `ALTER TABLE … RENAME TO` to the set of relation names.
fn apply(sql: &str, relations: &mut BTreeSet<String>) {
    let tokens = tokens(sql);
    let is = |i: usize, word: &str| tokens.get(i).is_some_and(|t| t.eq_ignore_ascii_case(word));
    // Past an optional run of words (`IF NOT EXISTS`, `ONLY`, …) when all of them are at `j`.
    let skip = |j: usize, words: &[&str]| {
        if words.iter().enumerate().all(|(k, w)| is(j + k, w)) {
            j + words.len()
        } else {
            j
        }
    };
    let mut i = 0;
    while i < tokens.len() {
        if is(i, "CREATE") {
            let mut j = skip(i + 1, &["OR", "REPLACE"]);
            while ["TEMP", "TEMPORARY", "UNLOGGED", "MATERIALIZED", "RECURSIVE"].iter().any(|w| is(j, w)) {
                j += 1;
            }
            if is(j, "TABLE") || is(j, "VIEW") {
                j = skip(j + 1, &["IF", "NOT", "EXISTS"]);
                if let Some(token) = tokens.get(j) {
                    relations.insert(name(token));
                }
            }
            i = j + 1;
        } else if is(i, "DROP") {
            let mut j = skip(i + 1, &["MATERIALIZED"]);
            if is(j, "TABLE") || is(j, "VIEW") {
                j = skip(j + 1, &["IF", "EXISTS"]);
                // DROP TABLE a, b, c [CASCADE | RESTRICT];
                while let Some(token) = tokens.get(j) {
                    if token == ";" || is(j, "CASCADE") || is(j, "RESTRICT") {
                        break;
                    }
                    if token != "," {
                        relations.remove(&name(token));
                    }
                    j += 1;
                }
            }
            i = j + 1;
        } else if is(i, "ALTER") {
            // ALTER [MATERIALIZED] TABLE|VIEW [IF EXISTS] [ONLY] old RENAME TO new
            let mut j = skip(i + 1, &["MATERIALIZED"]);
            if is(j, "TABLE") || is(j, "VIEW") {
                j = skip(skip(j + 1, &["IF", "EXISTS"]), &["ONLY"]);
                if is(j + 1, "RENAME") && is(j + 2, "TO") {
                    if let (Some(old), Some(new)) = (tokens.get(j), tokens.get(j + 3)) {
                        relations.remove(&name(old));
                        relations.insert(name(new));
                    }
                }
            }
            i = j + 1;
        } else {
            i += 1;
        }
    }
}

/// The tables and views that exist after every migration has run, in file-name order.
fn migrated_relations() -> BTreeSet<String> {
    let dir = workspace().join("migrations");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "sql"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no migrations in {}", dir.display());
    let mut relations = BTreeSet::new();
    for file in files {
        let sql = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        apply(&sql, &mut relations);
    }
    relations
}

/// The first column of the table under the "Tables" heading: one name in backticks per row.
fn documented_relations(doc: &str) -> Vec<String> {
    let mut lines =
        doc.lines().skip_while(|line| !(line.starts_with('#') && line.trim_start_matches('#').trim() == "Tables"));
    assert!(lines.next().is_some(), "docs/ARCHITECTURE.md has no \"## Tables\" heading");
    let rows: Vec<&str> = lines
        .skip_while(|line| !line.trim_start().starts_with('|'))
        .take_while(|line| line.trim_start().starts_with('|'))
        .collect();
    assert!(rows.len() > 2, "the \"Tables\" section has no table under it");
    // rows[0] is the header, rows[1] the |---| line.
    rows[2..]
        .iter()
        .map(|row| {
            let first = row.trim_start().trim_start_matches('|').split('|').next().unwrap_or_default();
            let mut parts = first.split('`');
            match (parts.next(), parts.next()) {
                (Some(_), Some(name)) if !name.is_empty() => name.to_owned(),
                _ => panic!("a \"Tables\" row without a `name` in its first column: {row}"),
            }
        })
        .collect()
}

#[test]
fn the_architecture_doc_lists_every_table_the_migrations_create() {
    let path = workspace().join("docs/ARCHITECTURE.md");
    let doc = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let listed = documented_relations(&doc);
    let documented: BTreeSet<String> = listed.iter().cloned().collect();
    let twice: Vec<&String> = documented.iter().filter(|n| listed.iter().filter(|l| l == n).count() > 1).collect();
    assert!(twice.is_empty(), "docs/ARCHITECTURE.md lists these tables more than once: {twice:?}");

    let migrated = migrated_relations();
    let missing: Vec<&String> = migrated.difference(&documented).collect();
    let extra: Vec<&String> = documented.difference(&migrated).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "docs/ARCHITECTURE.md's \"Tables\" table does not match migrations/*.sql.\n\
         Created by the migrations but not documented: {missing:?}\n\
         Documented but not created (or dropped later): {extra:?}"
    );
}

#[test]
fn the_migration_reader_follows_creates_drops_and_renames() {
    let mut relations = BTreeSet::new();
    apply(
        "-- CREATE TABLE in_a_comment (x int);
         /* CREATE TABLE in_a_block (x int); */
         CREATE TABLE plain (id int);
         create table if not exists Lower_Case (id int);
         CREATE UNLOGGED TABLE scratch (id int);
         CREATE OR REPLACE VIEW v AS SELECT 1;
         CREATE MATERIALIZED VIEW public.mv AS SELECT 'CREATE TABLE in_a_string' AS s;
         CREATE INDEX plain_id ON plain (id);
         CREATE TABLE gone (id int); CREATE TABLE also_gone (id int);
         DROP TABLE IF EXISTS gone, also_gone CASCADE;
         CREATE TABLE old_name (id int);
         ALTER TABLE old_name RENAME TO new_name;
         ALTER TABLE plain RENAME COLUMN id TO nomor;",
        &mut relations,
    );
    let expected: BTreeSet<String> =
        ["plain", "lower_case", "scratch", "v", "mv", "new_name"].into_iter().map(str::to_owned).collect();
    assert_eq!(relations, expected);
}

#[test]
fn the_doc_reader_takes_the_first_column_of_the_tables_table() {
    let doc = "# X\n\n## Tables\n\nSome words.\n\n| table | owner | what |\n| --- | --- | --- |\n\
               | `a` | reference | first |\n| `b` (view) | personnel | second |\n\nAfter.\n| `c` | x | y |\n";
    assert_eq!(documented_relations(doc), vec!["a".to_owned(), "b".to_owned()]);
}
