//! Loading and saving: models in any format by extension, files opened for analysis (lean
//! for big edge lists), and writing a model atomically without ever overwriting an input.

use std::path::{Path, PathBuf};

use super::{Format, Selection};
use crate::io::edgelist::EdgeList;
use crate::model::Model;
use crate::Error;

impl Model {
    /// Loads a model in any supported format, chosen by extension: edge lists (`.tsv`,
    /// `.csv`, `.txt`), GraphML (`.graphml`, `.xml`), node-link JSON (`.json`), else RON.
    pub fn load(path: &Path) -> Result<Model, Error> {
        crate::io::load(path)
    }

    /// Writes the model to `path` atomically, in the format its extension names, else in
    /// `fallback`'s (RON when neither says); refuses to overwrite any of `inputs`.
    pub fn save_as(&self, path: &Path, fallback: Option<&Path>, inputs: &[&Path]) -> Result<(), Error> {
        refuse_overwrite(path, inputs)?;
        let format = Format::from_path(path).or_else(|| fallback.and_then(Format::from_path));
        let text = match format {
            Some(Format::Graphml) => crate::io::graphml::write(self),
            Some(Format::Gexf) => crate::io::gexf::write(self),
            Some(Format::Json) => crate::io::json::write(self),
            Some(Format::Tsv) => crate::io::edgelist::write(self, '\t'),
            Some(Format::Csv) => crate::io::edgelist::write(self, ','),
            _ => crate::io::ron::to_string(self),
        };
        write_atomically(path, text.as_bytes())
    }

    /// A model from node-link JSON bytes (NetworkX's `node_link_data`, D3), as `relgraph`
    /// reads a `.json` file.
    pub fn from_node_link_json(bytes: &[u8]) -> Result<Model, Error> {
        crate::io::json::read_bytes(bytes)
    }

    /// The model as RON text.
    pub fn to_ron(&self) -> String {
        crate::io::ron::to_string(self)
    }
}

/// Refuses an output path that names one of the inputs (or is the same file).
pub fn refuse_overwrite(output: &Path, inputs: &[&Path]) -> Result<(), Error> {
    crate::io::atomic::refuse_overwrite(output, inputs)
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, synced, then
/// renamed, so a failed write leaves the previous file as it was.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    crate::io::atomic::write(path, bytes)
}

/// Whether a path names a plain edge list (`.tsv`, `.csv`, `.txt`).
pub fn is_edge_list(path: &Path) -> bool {
    crate::io::is_edge_list(path)
}

/// A file opened for analysis: its model and, for a plain edge list opened lean, the list
/// itself, whose analyses never build the full model unless they need it.
#[derive(Debug, Clone)]
pub struct Input {
    path: PathBuf,
    model: Model,
    list: Option<EdgeList>,
}

impl Input {
    /// Opens a model in any supported format (see [`Model::load`]).
    pub fn open(path: &Path) -> Result<Input, Error> {
        Ok(Input { path: path.to_owned(), model: crate::io::load(path)?, list: None })
    }

    /// Opens RON models composed into one, as a model including them all would be (see
    /// [`super::sources::merge`]): the first path names the input. Also gives the number of
    /// disagreements and probable duplicates the composition found, which `merge` lists.
    pub fn compose(paths: &[PathBuf]) -> Result<(Input, usize), Error> {
        let loaded = crate::io::include::merge(paths)?;
        let noted = loaded.disagreements.len() + loaded.duplicates.len();
        let path = paths.first().cloned().unwrap_or_default();
        Ok((Input { path, model: loaded.model, list: None }, noted))
    }

    /// Opens a file; a plain edge list is read lean: its labels and ties only, the model
    /// holding its nodes (enough to name results), so big lists stay fast.
    pub fn open_lean(path: &Path) -> Result<Input, Error> {
        if !is_edge_list(path) {
            return Input::open(path);
        }
        let list = crate::io::edgelist::read_list(path)?;
        Ok(Input { path: path.to_owned(), model: list.to_node_model(), list: Some(list) })
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the file is a plain edge list: ties read as written with `directed`,
    /// influence strengths from the weights.
    pub fn is_edge_list(&self) -> bool {
        is_edge_list(&self.path)
    }

    /// The model (for a lean edge list, its nodes only).
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The input without unreviewed drafts (`--no-drafts`): drafted nodes and ties left out.
    /// A plain edge list has none.
    pub fn without_drafts(mut self) -> Input {
        if self.list.is_none() {
            self.model = self.model.without_drafts();
        }
        self
    }

    /// The model, taken out of the input.
    pub fn into_model(self) -> Model {
        self.model
    }

    /// The edge list, when opened lean.
    pub(super) fn list(&self) -> Option<&EdgeList> {
        self.list.as_ref()
    }

    /// A selection of the whole file, with influence strengths from the weights on edge
    /// lists and from the built-in profile on models.
    pub fn select(&self) -> Selection<'_> {
        let selection = match &self.list {
            Some(list) => Selection::of_list(&self.model, list),
            None => Selection::new(&self.model),
        };
        if self.is_edge_list() {
            selection.with_weights()
        } else {
            selection
        }
    }
}
