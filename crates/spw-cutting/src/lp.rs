//! A small dense revised simplex for the cutting-pattern LP.
//!
//! The master problem is `min c·x` subject to `A x (+/-) slack = b`, `x ≥ 0`,
//! started from a unit basis (artificial columns for the demand rows, slacks
//! for the availability rows). The basis inverse is kept explicitly and
//! refactorised by Gauss–Jordan elimination every [`REFACTOR_EVERY`] pivots.
//! Entering columns are chosen by Dantzig's rule over the current column set;
//! the caller adds priced columns between calls. Everything is deterministic.

use crate::work::Work;

const REFACTOR_EVERY: usize = 64;
const PIVOT_TOL: f64 = 1e-9;
/// Reduced costs below `-RC_TOL` are improving.
pub(crate) const RC_TOL: f64 = 1e-9;

/// A sparse LP column.
#[derive(Debug, Clone)]
pub(crate) struct Column {
    pub cost: f64,
    pub entries: Vec<(usize, f64)>,
}

/// Outcome of [`Lp::optimise`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    /// No column in the set has a negative reduced cost.
    Optimal,
    /// The work budget or an iteration cap stopped the simplex.
    Stopped,
}

/// The LP and its current basis.
pub(crate) struct Lp {
    rows: usize,
    rhs: Vec<f64>,
    cols: Vec<Column>,
    basis: Vec<usize>,
    binv: Vec<f64>,
    xb: Vec<f64>,
    since_refactor: usize,
}

impl Lp {
    /// An LP whose first `rows` columns form the identity basis.
    pub fn new(rhs: Vec<f64>, unit_columns: Vec<Column>) -> Self {
        let rows = rhs.len();
        let mut binv = vec![0.0; rows * rows];
        for r in 0..rows {
            binv[r * rows + r] = 1.0;
        }
        Self {
            rows,
            xb: rhs.clone(),
            rhs,
            cols: unit_columns,
            basis: (0..rows).collect(),
            binv,
            since_refactor: 0,
        }
    }

    /// Adds a column and returns its index.
    pub fn add_column(&mut self, column: Column) -> usize {
        self.cols.push(column);
        self.cols.len() - 1
    }

    /// Simplex multipliers `c_B B⁻¹`.
    pub fn duals(&self) -> Vec<f64> {
        let n = self.rows;
        let mut pi = vec![0.0; n];
        for (k, &col) in self.basis.iter().enumerate() {
            let c = self.cols[col].cost;
            if c == 0.0 {
                continue;
            }
            let row = &self.binv[k * n..(k + 1) * n];
            for (p, &b) in pi.iter_mut().zip(row) {
                *p += c * b;
            }
        }
        pi
    }

    fn reduced_cost(&self, col: usize, pi: &[f64]) -> f64 {
        let c = &self.cols[col];
        c.cost - c.entries.iter().map(|&(r, v)| pi[r] * v).sum::<f64>()
    }

    /// Value of every column in the current basic solution.
    pub fn values(&self) -> Vec<f64> {
        let mut x = vec![0.0; self.cols.len()];
        for (k, &col) in self.basis.iter().enumerate() {
            x[col] = self.xb[k].max(0.0);
        }
        x
    }

    /// Objective value of the current basic solution.
    pub fn objective(&self) -> f64 {
        self.basis
            .iter()
            .zip(&self.xb)
            .map(|(&c, &x)| self.cols[c].cost * x.max(0.0))
            .sum()
    }

    /// Runs the simplex over the current columns.
    pub fn optimise(&mut self, work: &mut Work<'_>, max_pivots: usize) -> Status {
        for _ in 0..max_pivots {
            if work.exhausted() {
                return Status::Stopped;
            }
            let pi = self.duals();
            let n = self.rows as u64;
            work.charge(n * n + self.cols.len() as u64 * 4);
            let mut entering = None;
            let mut best = -RC_TOL;
            for col in 0..self.cols.len() {
                let rc = self.reduced_cost(col, &pi);
                if rc < best {
                    best = rc;
                    entering = Some(col);
                }
            }
            let Some(q) = entering else {
                return Status::Optimal;
            };
            if !self.pivot(q) {
                return Status::Stopped;
            }
        }
        Status::Stopped
    }

    /// Brings column `q` into the basis; false if unbounded.
    fn pivot(&mut self, q: usize) -> bool {
        let n = self.rows;
        let mut u = vec![0.0; n];
        for &(r, v) in &self.cols[q].entries {
            for (k, uk) in u.iter_mut().enumerate() {
                *uk += self.binv[k * n + r] * v;
            }
        }
        let mut leave: Option<(usize, f64, f64)> = None;
        for (k, (&uk, &xk)) in u.iter().zip(&self.xb).enumerate() {
            if uk > PIVOT_TOL {
                let t = xk.max(0.0) / uk;
                let better = match leave {
                    None => true,
                    Some((_, bt, bu)) => t < bt - 1e-12 || (t <= bt + 1e-12 && uk > bu),
                };
                if better {
                    leave = Some((k, t, uk));
                }
            }
        }
        let Some((p, t, up)) = leave else {
            return false;
        };
        for (k, (xk, &uk)) in self.xb.iter_mut().zip(&u).enumerate() {
            *xk = if k == p { t } else { (*xk - t * uk).max(0.0) };
        }
        let pivot_row: Vec<f64> = self.binv[p * n..(p + 1) * n]
            .iter()
            .map(|&b| b / up)
            .collect();
        for (k, &f) in u.iter().enumerate() {
            if k == p || f == 0.0 {
                continue;
            }
            let row = &mut self.binv[k * n..(k + 1) * n];
            for (b, &pr) in row.iter_mut().zip(&pivot_row) {
                *b -= f * pr;
            }
        }
        self.binv[p * n..(p + 1) * n].copy_from_slice(&pivot_row);
        self.basis[p] = q;
        self.since_refactor += 1;
        if self.since_refactor >= REFACTOR_EVERY {
            self.refactor();
        }
        true
    }

    /// Recomputes the basis inverse and basic values from scratch.
    fn refactor(&mut self) {
        self.since_refactor = 0;
        let n = self.rows;
        let mut a = vec![0.0; n * n];
        for (k, &col) in self.basis.iter().enumerate() {
            for &(r, v) in &self.cols[col].entries {
                a[r * n + k] = v;
            }
        }
        let Some(inv) = invert(a, n) else {
            return;
        };
        self.binv = inv;
        for k in 0..n {
            let row = &self.binv[k * n..(k + 1) * n];
            self.xb[k] = row
                .iter()
                .zip(&self.rhs)
                .map(|(b, r)| b * r)
                .sum::<f64>()
                .max(0.0);
        }
    }
}

/// Gauss–Jordan inverse with partial pivoting; `None` if singular.
fn invert(mut a: Vec<f64>, n: usize) -> Option<Vec<f64>> {
    let mut inv = vec![0.0; n * n];
    for i in 0..n {
        inv[i * n + i] = 1.0;
    }
    for c in 0..n {
        let mut p = c;
        for r in c + 1..n {
            if a[r * n + c].abs() > a[p * n + c].abs() {
                p = r;
            }
        }
        let d = a[p * n + c];
        if d.abs() < 1e-12 {
            return None;
        }
        if p != c {
            for j in 0..n {
                a.swap(p * n + j, c * n + j);
                inv.swap(p * n + j, c * n + j);
            }
        }
        for j in 0..n {
            a[c * n + j] /= d;
            inv[c * n + j] /= d;
        }
        for r in 0..n {
            if r == c {
                continue;
            }
            let f = a[r * n + c];
            if f == 0.0 {
                continue;
            }
            for j in 0..n {
                a[r * n + j] -= f * a[c * n + j];
                inv[r * n + j] -= f * inv[c * n + j];
            }
        }
    }
    Some(inv)
}
