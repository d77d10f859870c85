//! The DXF file itself: HEADER, CLASSES, TABLES, BLOCKS, ENTITIES and OBJECTS for a [`Plan`].

use crate::DxfError;
use crate::dim::{self, Prim};
use crate::hatch;
use crate::place::{Item, Placed, PlacedDim, Plan, dimsize};
use crate::tags::{Handle, Handles, Tags, encode_text};
use spw_drawing::{Align, DimensionKind, Linetype, Point};

/// Name of the text style used by every text.
const TEXT_STYLE: &str = "SPW";
/// Font file of the text style.
const FONT_FILE: &str = "DejaVuSansCondensed.ttf";
/// Font family of the text style.
const FONT_FAMILY: &str = "DejaVu Sans Condensed";

/// Handles fixed before anything is written, so forward references are known.
struct Fixed {
    t_vport: Handle,
    t_ltype: Handle,
    t_layer: Handle,
    t_style: Handle,
    t_view: Handle,
    t_ucs: Handle,
    t_appid: Handle,
    t_dimstyle: Handle,
    t_block_record: Handle,
    vport_active: Handle,
    ltypes: Vec<Handle>,
    layer_0: Handle,
    layer_defpoints: Handle,
    layers: Vec<Handle>,
    style_standard: Handle,
    style_spw: Handle,
    appid_acad: Handle,
    dimstyle_standard: Handle,
    dimstyles: Vec<Handle>,
    br_model: Handle,
    br_paper: Handle,
    br_dims: Vec<Handle>,
    root: Handle,
    groups: Handle,
    layouts: Handle,
    mlinestyles: Handle,
    mlinestyle_standard: Handle,
    plotstyles: Handle,
    plotstyle_normal: Handle,
    layout_model: Handle,
    layout_paper: Handle,
}

/// The linetypes in table order.
const LTYPES: [&str; 5] = ["ByBlock", "ByLayer", "Continuous", "HIDDEN", "CENTER"];

fn linetype_name(l: Linetype) -> &'static str {
    match l {
        Linetype::Continuous => "Continuous",
        Linetype::Hidden => "HIDDEN",
        Linetype::Centre => "CENTER",
    }
}

impl Fixed {
    fn new(h: &mut Handles, plan: &Plan, dims: usize) -> Fixed {
        Fixed {
            t_vport: h.take(),
            t_ltype: h.take(),
            t_layer: h.take(),
            t_style: h.take(),
            t_view: h.take(),
            t_ucs: h.take(),
            t_appid: h.take(),
            t_dimstyle: h.take(),
            t_block_record: h.take(),
            vport_active: h.take(),
            ltypes: LTYPES.iter().map(|_| h.take()).collect(),
            layer_0: h.take(),
            layer_defpoints: h.take(),
            layers: plan.layers.iter().map(|_| h.take()).collect(),
            style_standard: h.take(),
            style_spw: h.take(),
            appid_acad: h.take(),
            dimstyle_standard: h.take(),
            dimstyles: plan.dimstyles.iter().map(|_| h.take()).collect(),
            br_model: h.take(),
            br_paper: h.take(),
            br_dims: (0..dims).map(|_| h.take()).collect(),
            root: h.take(),
            groups: h.take(),
            layouts: h.take(),
            mlinestyles: h.take(),
            mlinestyle_standard: h.take(),
            plotstyles: h.take(),
            plotstyle_normal: h.take(),
            layout_model: h.take(),
            layout_paper: h.take(),
        }
    }
}

/// Renders the whole file.
pub(crate) fn render(plan: &Plan) -> Result<String, DxfError> {
    let dims: Vec<&PlacedDim> = plan
        .items
        .iter()
        .filter_map(|i| match &i.shape {
            Placed::Dim(d) => Some(d),
            _ => None,
        })
        .collect();
    let mut handles = Handles::new();
    let fx = Fixed::new(&mut handles, plan, dims.len());

    let mut t = Tags::new();
    classes(&mut t);
    tables(&mut t, plan, &fx, dims.len());
    blocks(&mut t, &mut handles, &fx, &dims);
    entities(&mut t, &mut handles, &fx, plan);
    objects(&mut t, &fx, plan);
    t.str(0, "EOF");

    let mut head = Tags::new();
    header(&mut head, plan, handles.seed());

    for w in [&head, &t] {
        if let Some(what) = w.bad() {
            return Err(DxfError::NonFinite {
                what: what.to_owned(),
            });
        }
    }
    let mut out = head.into_string();
    out.push_str(&t.into_string());
    Ok(out)
}

fn section(t: &mut Tags, name: &str) {
    t.str(0, "SECTION");
    t.str(2, name);
}

fn header(t: &mut Tags, plan: &Plan, seed: Handle) {
    t.set_context("HEADER");
    section(t, "HEADER");
    let var = |t: &mut Tags, name: &str| t.str(9, name);
    var(t, "$ACADVER");
    t.str(1, "AC1027");
    var(t, "$ACADMAINTVER");
    t.int(70, 105);
    var(t, "$DWGCODEPAGE");
    t.str(3, "ANSI_1252");
    var(t, "$INSBASE");
    t.point(10, Point::new(0.0, 0.0));
    var(t, "$EXTMIN");
    t.point(10, plan.extents.0);
    var(t, "$EXTMAX");
    t.point(10, plan.extents.1);
    var(t, "$LIMMIN");
    t.point2(10, Point::new(0.0, 0.0));
    var(t, "$LIMMAX");
    t.point2(10, plan.limits);
    var(t, "$ORTHOMODE");
    t.int(70, 0);
    var(t, "$LTSCALE");
    t.real(40, plan.scale);
    var(t, "$PSLTSCALE");
    t.int(70, 1);
    var(t, "$TEXTSIZE");
    t.real(40, 2.5 * plan.scale);
    var(t, "$TEXTSTYLE");
    t.str(7, TEXT_STYLE);
    var(t, "$CLAYER");
    t.str(8, "0");
    var(t, "$CELTYPE");
    t.str(6, "ByLayer");
    var(t, "$CECOLOR");
    t.int(62, 256);
    var(t, "$CELWEIGHT");
    t.int(370, -1);
    var(t, "$LWDISPLAY");
    t.int(290, 1);
    var(t, "$DIMSTYLE");
    t.str(
        2,
        plan.dimstyles
            .first()
            .map_or("Standard", |d| d.name.as_str()),
    );
    var(t, "$DIMSCALE");
    t.real(40, plan.scale);
    var(t, "$DIMTXSTY");
    t.str(7, TEXT_STYLE);
    var(t, "$LUNITS");
    t.int(70, 2);
    var(t, "$LUPREC");
    t.int(70, 1);
    var(t, "$AUNITS");
    t.int(70, 0);
    var(t, "$AUPREC");
    t.int(70, 1);
    var(t, "$ANGBASE");
    t.real(50, 0.0);
    var(t, "$ANGDIR");
    t.int(70, 0);
    var(t, "$INSUNITS");
    t.int(70, 4);
    var(t, "$MEASUREMENT");
    t.int(70, 1);
    var(t, "$PDMODE");
    t.int(70, 0);
    var(t, "$TILEMODE");
    t.int(70, 1);
    var(t, "$HANDSEED");
    t.handle(5, seed);
    t.str(0, "ENDSEC");
}

fn classes(t: &mut Tags) {
    section(t, "CLASSES");
    for (dxf, cpp) in [
        ("ACDBDICTIONARYWDFLT", "AcDbDictionaryWithDefault"),
        ("ACDBPLACEHOLDER", "AcDbPlaceHolder"),
        ("LAYOUT", "AcDbLayout"),
    ] {
        t.str(0, "CLASS");
        t.str(1, dxf);
        t.str(2, cpp);
        t.str(3, "ObjectDBX Classes");
        t.int(90, 0);
        t.int(91, 0);
        t.int(280, 0);
        t.int(281, 0);
    }
    t.str(0, "ENDSEC");
}

fn table_head(t: &mut Tags, name: &str, h: Handle, count: usize) {
    t.str(0, "TABLE");
    t.str(2, name);
    t.handle(5, h);
    t.handle(330, Handle::NONE);
    t.str(100, "AcDbSymbolTable");
    t.int(70, i64::try_from(count).unwrap_or(i64::MAX));
}

fn record_head(t: &mut Tags, kind: &str, h: Handle, table: Handle, subclass: &str) {
    t.str(0, kind);
    t.handle(if kind == "DIMSTYLE" { 105 } else { 5 }, h);
    t.handle(330, table);
    t.str(100, "AcDbSymbolTableRecord");
    t.str(100, subclass);
}

fn tables(t: &mut Tags, plan: &Plan, fx: &Fixed, dims: usize) {
    t.set_context("TABLES");
    section(t, "TABLES");

    // VPORT: the active viewport opens on the whole sheet.
    table_head(t, "VPORT", fx.t_vport, 1);
    record_head(
        t,
        "VPORT",
        fx.vport_active,
        fx.t_vport,
        "AcDbViewportTableRecord",
    );
    t.str(2, "*Active");
    t.int(70, 0);
    t.point2(10, Point::new(0.0, 0.0));
    t.point2(11, Point::new(1.0, 1.0));
    let (lo, hi) = plan.extents;
    t.point2(12, Point::new((lo.x + hi.x) / 2.0, (lo.y + hi.y) / 2.0));
    t.point2(13, Point::new(0.0, 0.0));
    t.point2(14, Point::new(10.0, 10.0));
    t.point2(15, Point::new(10.0, 10.0));
    t.real(16, 0.0);
    t.real(26, 0.0);
    t.real(36, 1.0);
    t.point(17, Point::new(0.0, 0.0));
    t.real(40, (hi.y - lo.y).max(1.0) * 1.05);
    t.real(41, ((hi.x - lo.x) / (hi.y - lo.y).max(1.0)).max(0.1));
    t.real(42, 50.0);
    t.real(43, 0.0);
    t.real(44, 0.0);
    t.real(50, 0.0);
    t.real(51, 0.0);
    t.int(71, 0);
    t.int(72, 1000);
    t.int(73, 1);
    t.int(74, 3);
    t.int(75, 0);
    t.int(76, 0);
    t.int(77, 0);
    t.int(78, 0);
    t.str(0, "ENDTAB");

    // LTYPE: patterns in paper mm, scaled by $LTSCALE.
    table_head(t, "LTYPE", fx.t_ltype, LTYPES.len());
    for (name, h) in LTYPES.iter().zip(&fx.ltypes) {
        record_head(t, "LTYPE", *h, fx.t_ltype, "AcDbLinetypeTableRecord");
        t.str(2, name);
        t.int(70, 0);
        let (desc, pattern): (&str, &[f64]) = match *name {
            "HIDDEN" => ("Hidden __ __ __ __", Linetype::Hidden.pattern_mm()),
            "CENTER" => ("Center ____ _ ____ _", Linetype::Centre.pattern_mm()),
            "Continuous" => ("Solid line", &[]),
            _ => ("", &[]),
        };
        t.str(3, desc);
        t.int(72, 65);
        t.int(73, i64::try_from(pattern.len()).unwrap_or(0));
        t.real(40, pattern.iter().sum());
        for (i, len) in pattern.iter().enumerate() {
            // Odd elements are gaps: negative in DXF.
            t.real(49, if i % 2 == 0 { *len } else { -*len });
            t.int(74, 0);
        }
    }
    t.str(0, "ENDTAB");

    // LAYER.
    table_head(t, "LAYER", fx.t_layer, plan.layers.len() + 2);
    let layer =
        |t: &mut Tags, h: Handle, name: &str, aci: i64, ltype: &str, lw: i64, plot: bool| {
            record_head(t, "LAYER", h, fx.t_layer, "AcDbLayerTableRecord");
            t.str(2, &encode_text(name));
            t.int(70, 0);
            t.int(62, aci);
            t.str(6, ltype);
            t.int(290, i64::from(plot));
            t.int(370, lw);
            t.handle(390, fx.plotstyle_normal);
        };
    layer(t, fx.layer_0, "0", 7, "Continuous", -3, true);
    layer(
        t,
        fx.layer_defpoints,
        "Defpoints",
        7,
        "Continuous",
        -3,
        false,
    );
    for (l, h) in plan.layers.iter().zip(&fx.layers) {
        layer(
            t,
            *h,
            l.name,
            l.aci,
            linetype_name(l.linetype),
            l.lineweight,
            true,
        );
    }
    t.str(0, "ENDTAB");

    // STYLE.
    table_head(t, "STYLE", fx.t_style, 2);
    for (h, name) in [(fx.style_standard, "Standard"), (fx.style_spw, TEXT_STYLE)] {
        record_head(t, "STYLE", h, fx.t_style, "AcDbTextStyleTableRecord");
        t.str(2, name);
        t.int(70, 0);
        t.real(40, 0.0);
        t.real(41, 1.0);
        t.real(50, 0.0);
        t.int(71, 0);
        t.real(42, 2.5);
        t.str(3, FONT_FILE);
        t.str(4, "");
        t.str(1001, "ACAD");
        t.str(1000, FONT_FAMILY);
        t.int(1071, 34);
    }
    t.str(0, "ENDTAB");

    table_head(t, "VIEW", fx.t_view, 0);
    t.str(0, "ENDTAB");
    table_head(t, "UCS", fx.t_ucs, 0);
    t.str(0, "ENDTAB");

    table_head(t, "APPID", fx.t_appid, 1);
    record_head(
        t,
        "APPID",
        fx.appid_acad,
        fx.t_appid,
        "AcDbRegAppTableRecord",
    );
    t.str(2, "ACAD");
    t.int(70, 0);
    t.str(0, "ENDTAB");

    // DIMSTYLE.
    table_head(t, "DIMSTYLE", fx.t_dimstyle, plan.dimstyles.len() + 1);
    t.str(100, "AcDbDimStyleTable");
    t.int(71, i64::try_from(plan.dimstyles.len() + 1).unwrap_or(0));
    t.handle(340, fx.dimstyle_standard);
    for h in &fx.dimstyles {
        t.handle(340, *h);
    }
    dimstyle(
        t,
        fx,
        fx.dimstyle_standard,
        "Standard",
        plan.scale,
        2.5,
        1.0,
    );
    for (d, h) in plan.dimstyles.iter().zip(&fx.dimstyles) {
        dimstyle(t, fx, *h, &d.name, d.scale, d.text_height, d.lfac);
    }
    t.str(0, "ENDTAB");

    // BLOCK_RECORD.
    table_head(t, "BLOCK_RECORD", fx.t_block_record, dims + 2);
    let record = |t: &mut Tags, h: Handle, name: &str, layout: Handle| {
        record_head(
            t,
            "BLOCK_RECORD",
            h,
            fx.t_block_record,
            "AcDbBlockTableRecord",
        );
        t.str(2, name);
        t.handle(340, layout);
        t.int(70, 0); // insertion units: unitless (the drawing's $INSUNITS applies)
        t.int(280, 1); // explodable
        t.int(281, 0); // scaled non-uniformly: no
    };
    record(t, fx.br_model, "*Model_Space", fx.layout_model);
    record(t, fx.br_paper, "*Paper_Space", fx.layout_paper);
    for (i, h) in fx.br_dims.iter().enumerate() {
        record(t, *h, &format!("*D{}", i + 1), Handle::NONE);
    }
    t.str(0, "ENDTAB");
    t.str(0, "ENDSEC");
}

fn dimstyle(
    t: &mut Tags,
    fx: &Fixed,
    h: Handle,
    name: &str,
    scale: f64,
    text_height: f64,
    lfac: f64,
) {
    record_head(t, "DIMSTYLE", h, fx.t_dimstyle, "AcDbDimStyleTableRecord");
    t.str(2, &encode_text(name));
    t.int(70, 0);
    t.real(40, scale); // DIMSCALE
    t.real(41, dimsize::ARROW); // DIMASZ
    t.real(42, dimsize::EXT_OFFSET); // DIMEXO
    t.real(43, 7.0); // DIMDLI
    t.real(44, dimsize::EXT_BEYOND); // DIMEXE
    t.real(45, 0.0); // DIMRND
    t.real(46, 0.0); // DIMDLE
    t.real(140, text_height); // DIMTXT
    t.real(141, 2.5); // DIMCEN
    t.real(142, 0.0); // DIMTSZ: arrows, not ticks
    t.real(144, lfac); // DIMLFAC
    t.real(147, dimsize::GAP); // DIMGAP
    t.int(73, 0); // DIMTIH: inside text aligned with the line
    t.int(74, 0); // DIMTOH
    t.int(77, 1); // DIMTAD: text above the line
    t.int(78, 8); // DIMZIN: no trailing zeros
    t.int(172, 1); // DIMTOFL
    t.int(176, 0); // DIMCLRD ByBlock
    t.int(177, 0); // DIMCLRE
    t.int(178, 0); // DIMCLRT
    t.int(271, 1); // DIMDEC: one decimal, trailing zero suppressed
    t.int(275, 0); // DIMAUNIT
    t.int(277, 2); // DIMLUNIT decimal
    t.int(278, 46); // DIMDSEP '.'
    t.int(280, 0); // DIMJUST centred
    t.handle(340, fx.style_spw); // DIMTXSTY
    t.int(371, -2); // DIMLWD ByBlock
    t.int(372, -2); // DIMLWE ByBlock
}

/// Common entity codes; `byblock` makes colour, linetype and lineweight follow the owner.
fn entity_head(t: &mut Tags, kind: &str, h: Handle, owner: Handle, layer: &str, byblock: bool) {
    t.str(0, kind);
    t.handle(5, h);
    t.handle(330, owner);
    t.str(100, "AcDbEntity");
    t.str(8, layer);
    if byblock {
        t.str(6, "ByBlock");
        t.int(62, 0);
        t.int(370, -2);
    }
}

fn block_begin(t: &mut Tags, h: Handle, record: Handle, name: &str, flags: i64, paper: bool) {
    t.str(0, "BLOCK");
    t.handle(5, h);
    t.handle(330, record);
    t.str(100, "AcDbEntity");
    if paper {
        t.int(67, 1);
    }
    t.str(8, "0");
    t.str(100, "AcDbBlockBegin");
    t.str(2, name);
    t.int(70, flags);
    t.point(10, Point::new(0.0, 0.0));
    t.str(3, name);
    t.str(1, "");
}

fn block_end(t: &mut Tags, h: Handle, record: Handle, paper: bool) {
    t.str(0, "ENDBLK");
    t.handle(5, h);
    t.handle(330, record);
    t.str(100, "AcDbEntity");
    if paper {
        t.int(67, 1);
    }
    t.str(8, "0");
    t.str(100, "AcDbBlockEnd");
}

fn blocks(t: &mut Tags, handles: &mut Handles, fx: &Fixed, dims: &[&PlacedDim]) {
    t.set_context("BLOCKS");
    section(t, "BLOCKS");
    for (record, name, paper) in [
        (fx.br_model, "*Model_Space", false),
        (fx.br_paper, "*Paper_Space", true),
    ] {
        let (b, e) = (handles.take(), handles.take());
        block_begin(t, b, record, name, 0, paper);
        block_end(t, e, record, paper);
    }
    for (i, (d, record)) in dims.iter().zip(&fx.br_dims).enumerate() {
        t.set_context(format!("block *D{}", i + 1));
        let b = handles.take();
        block_begin(t, b, *record, &format!("*D{}", i + 1), 1, false);
        let g = dim::geometry(d);
        for p in &g.prims {
            let h = handles.take();
            match p {
                Prim::Line(a, b) => {
                    entity_head(t, "LINE", h, *record, "0", true);
                    line_body(t, *a, *b);
                }
                Prim::Solid([a, b, c]) => {
                    entity_head(t, "SOLID", h, *record, "0", true);
                    t.str(100, "AcDbTrace");
                    t.point(10, *a);
                    t.point(11, *b);
                    t.point(12, *c);
                    t.point(13, *c);
                }
                Prim::Text {
                    at,
                    height,
                    rotation_deg,
                    value,
                } => {
                    entity_head(t, "TEXT", h, *record, "0", true);
                    text_body(t, *at, *height, value, *rotation_deg, 1, 2);
                }
                Prim::Defpoint(p) => {
                    entity_head(t, "POINT", h, *record, "Defpoints", false);
                    t.str(100, "AcDbPoint");
                    t.point(10, *p);
                }
            }
        }
        block_end(t, handles.take(), *record, false);
    }
    t.str(0, "ENDSEC");
}

fn line_body(t: &mut Tags, a: Point, b: Point) {
    t.str(100, "AcDbLine");
    t.point(10, a);
    t.point(11, b);
}

/// TEXT with horizontal alignment `h` (0 left, 1 centre, 2 right) and vertical `v`
/// (0 baseline, 2 middle); the second alignment point is written unless left/baseline.
fn text_body(t: &mut Tags, at: Point, height: f64, value: &str, rotation_deg: f64, h: i64, v: i64) {
    t.str(100, "AcDbText");
    t.point(10, at);
    t.real(40, height);
    t.str(1, &encode_text(value));
    if rotation_deg.abs() > 1e-12 {
        t.real(50, rotation_deg);
    }
    t.str(7, TEXT_STYLE);
    if h != 0 || v != 0 {
        t.int(72, h);
        t.point(11, at);
    }
    t.str(100, "AcDbText");
    if v != 0 {
        t.int(73, v);
    }
}

fn entities(t: &mut Tags, handles: &mut Handles, fx: &Fixed, plan: &Plan) {
    section(t, "ENTITIES");
    let owner = fx.br_model;
    let mut dim_no = 0usize;
    for (i, Item { layer, shape }) in plan.items.iter().enumerate() {
        t.set_context(format!("entity {i} on layer {layer}"));
        let h = handles.take();
        match shape {
            Placed::Line(a, b) => {
                entity_head(t, "LINE", h, owner, layer, false);
                line_body(t, *a, *b);
            }
            Placed::Polyline(pts, closed) => {
                entity_head(t, "LWPOLYLINE", h, owner, layer, false);
                t.str(100, "AcDbPolyline");
                t.int(90, i64::try_from(pts.len()).unwrap_or(0));
                // 128: linetype pattern continuous around the vertices.
                t.int(70, if *closed { 129 } else { 128 });
                t.real(43, 0.0);
                for p in pts {
                    t.point2(10, *p);
                }
            }
            Placed::Arc {
                centre,
                radius,
                start_deg,
                end_deg,
            } => {
                entity_head(t, "ARC", h, owner, layer, false);
                t.str(100, "AcDbCircle");
                t.point(10, *centre);
                t.real(40, *radius);
                t.str(100, "AcDbArc");
                t.real(50, *start_deg);
                t.real(51, *end_deg);
            }
            Placed::Circle { centre, radius } => {
                entity_head(t, "CIRCLE", h, owner, layer, false);
                t.str(100, "AcDbCircle");
                t.point(10, *centre);
                t.real(40, *radius);
            }
            Placed::Hatch {
                boundary,
                pattern,
                k,
            } => {
                entity_head(t, "HATCH", h, owner, layer, false);
                hatch_body(t, boundary, *pattern, *k);
            }
            Placed::Text {
                at,
                height,
                value,
                align,
                rotation_deg,
            } => {
                entity_head(t, "TEXT", h, owner, layer, false);
                let h_align = match align {
                    Align::Left => 0,
                    Align::Centre => 1,
                    Align::Right => 2,
                };
                text_body(t, *at, *height, value, *rotation_deg, h_align, 0);
            }
            Placed::Dim(d) => {
                dim_no += 1;
                entity_head(t, "DIMENSION", h, owner, layer, false);
                dimension_body(t, d, dim_no, plan);
            }
        }
    }
    t.str(0, "ENDSEC");
}

fn hatch_body(t: &mut Tags, boundary: &[Point], pattern: spw_drawing::HatchPattern, k: f64) {
    let def = hatch::pattern(pattern);
    t.str(100, "AcDbHatch");
    t.point(10, Point::new(0.0, 0.0));
    t.real(210, 0.0);
    t.real(220, 0.0);
    t.real(230, 1.0);
    t.str(2, def.name);
    t.int(70, i64::from(def.solid));
    t.int(71, 0);
    t.int(91, 1);
    // One external polyline path.
    t.int(92, 3);
    t.int(72, 0);
    t.int(73, 1);
    t.int(93, i64::try_from(boundary.len()).unwrap_or(0));
    for p in boundary {
        t.point2(10, *p);
    }
    t.int(97, 0);
    t.int(75, 0);
    t.int(76, def.kind);
    if !def.solid {
        let scale = k * def.scale;
        let lines = def.resolve(scale);
        t.real(52, def.angle_deg);
        t.real(41, scale);
        t.int(77, 0);
        t.int(78, i64::try_from(lines.len()).unwrap_or(0));
        for l in &lines {
            t.real(53, l.angle_deg);
            t.real(43, l.base.0);
            t.real(44, l.base.1);
            t.real(45, l.offset.0);
            t.real(46, l.offset.1);
            t.int(79, i64::try_from(l.dashes.len()).unwrap_or(0));
            for d in &l.dashes {
                t.real(49, *d);
            }
        }
    }
    t.int(98, 0);
}

fn dimension_body(t: &mut Tags, d: &PlacedDim, n: usize, plan: &Plan) {
    let g = dim::geometry(d);
    let style = plan
        .dimstyles
        .get(d.style)
        .map_or("Standard", |s| s.name.as_str());
    t.str(100, "AcDbDimension");
    t.str(2, &format!("*D{n}"));
    t.point(10, g.def_point);
    t.point(11, g.text_mid);
    let kind = match d.kind {
        DimensionKind::Aligned => 1,
        DimensionKind::Horizontal | DimensionKind::Vertical => 0,
    };
    // 32: the block is referenced by this dimension only.
    t.int(70, kind | 32);
    t.int(71, 5);
    t.real(42, d.measured);
    if let Some(text) = &d.text_override {
        t.str(1, &encode_text(text));
    }
    t.str(3, &encode_text(style));
    t.str(100, "AcDbAlignedDimension");
    t.point(13, d.p1);
    t.point(14, d.p2);
    if kind == 0 {
        t.real(50, g.angle_deg);
        t.str(100, "AcDbRotatedDimension");
    }
}

fn dictionary(t: &mut Tags, h: Handle, owner: Handle, entries: &[(&str, Handle)]) {
    t.str(0, "DICTIONARY");
    t.handle(5, h);
    if owner != Handle::NONE {
        reactors(t, owner);
    }
    t.handle(330, owner);
    t.str(100, "AcDbDictionary");
    t.int(281, 1);
    for (k, v) in entries {
        t.str(3, k);
        t.handle(350, *v);
    }
}

fn reactors(t: &mut Tags, owner: Handle) {
    t.str(102, "{ACAD_REACTORS");
    t.handle(330, owner);
    t.str(102, "}");
}

fn objects(t: &mut Tags, fx: &Fixed, plan: &Plan) {
    t.set_context("OBJECTS");
    section(t, "OBJECTS");
    dictionary(
        t,
        fx.root,
        Handle::NONE,
        &[
            ("ACAD_GROUP", fx.groups),
            ("ACAD_LAYOUT", fx.layouts),
            ("ACAD_MLINESTYLE", fx.mlinestyles),
            ("ACAD_PLOTSTYLENAME", fx.plotstyles),
        ],
    );
    dictionary(t, fx.groups, fx.root, &[]);
    dictionary(
        t,
        fx.layouts,
        fx.root,
        &[("Layout1", fx.layout_paper), ("Model", fx.layout_model)],
    );
    dictionary(
        t,
        fx.mlinestyles,
        fx.root,
        &[("Standard", fx.mlinestyle_standard)],
    );

    t.str(0, "ACDBDICTIONARYWDFLT");
    t.handle(5, fx.plotstyles);
    reactors(t, fx.root);
    t.handle(330, fx.root);
    t.str(100, "AcDbDictionary");
    t.int(281, 1);
    t.str(3, "Normal");
    t.handle(350, fx.plotstyle_normal);
    t.str(100, "AcDbDictionaryWithDefault");
    t.handle(340, fx.plotstyle_normal);

    t.str(0, "ACDBPLACEHOLDER");
    t.handle(5, fx.plotstyle_normal);
    reactors(t, fx.plotstyles);
    t.handle(330, fx.plotstyles);

    t.str(0, "MLINESTYLE");
    t.handle(5, fx.mlinestyle_standard);
    reactors(t, fx.mlinestyles);
    t.handle(330, fx.mlinestyles);
    t.str(100, "AcDbMlineStyle");
    t.str(2, "Standard");
    t.int(70, 0);
    t.str(3, "");
    t.int(62, 256);
    t.real(51, 90.0);
    t.real(52, 90.0);
    t.int(71, 2);
    for offset in [0.5, -0.5] {
        t.real(49, offset);
        t.int(62, 256);
        t.str(6, "BYLAYER");
    }

    layout(t, fx, plan, true);
    layout(t, fx, plan, false);
    t.str(0, "ENDSEC");
}

/// The model layout plots the sheet at 1:S from the limits; the paper layout is the sheet at 1:1.
fn layout(t: &mut Tags, fx: &Fixed, plan: &Plan, model: bool) {
    let (h, name, record) = if model {
        (fx.layout_model, "Model", fx.br_model)
    } else {
        (fx.layout_paper, "Layout1", fx.br_paper)
    };
    let paper = plan.paper;
    let limits = if model { plan.limits } else { paper };
    t.str(0, "LAYOUT");
    t.handle(5, h);
    reactors(t, fx.layouts);
    t.handle(330, fx.layouts);
    t.str(100, "AcDbPlotSettings");
    t.str(1, "");
    t.str(2, "none_device");
    t.str(
        4,
        &format!("ISO_{}_({:.2}_x_{:.2}_MM)", plan.format, paper.x, paper.y),
    );
    t.str(6, "");
    for code in 40..=43 {
        t.real(code, 0.0);
    }
    t.real(44, paper.x);
    t.real(45, paper.y);
    t.real(46, 0.0);
    t.real(47, 0.0);
    t.real(48, 0.0);
    t.real(49, 0.0);
    t.real(140, limits.x);
    t.real(141, limits.y);
    t.real(142, 1.0);
    t.real(143, if model { plan.scale } else { 1.0 });
    // Model: model type, print lineweights and plot styles; paper: also standard scale 1:1.
    t.int(
        70,
        if model {
            1024 | 128 | 32
        } else {
            128 | 32 | 16
        },
    );
    t.int(72, 1);
    t.int(73, 0);
    t.int(74, if model { 2 } else { 5 });
    t.str(7, "");
    t.int(75, if model { 0 } else { 16 });
    t.real(147, if model { 1.0 / plan.scale } else { 1.0 });
    t.real(148, 0.0);
    t.real(149, 0.0);
    t.str(100, "AcDbLayout");
    t.str(1, name);
    t.int(70, 1);
    t.int(71, if model { 0 } else { 1 });
    t.point2(10, Point::new(0.0, 0.0));
    t.point2(11, limits);
    t.point(12, Point::new(0.0, 0.0));
    if model {
        t.point(14, plan.extents.0);
        t.point(15, plan.extents.1);
    } else {
        t.point(14, Point::new(0.0, 0.0));
        t.point(15, paper);
    }
    t.real(146, 0.0);
    t.point(13, Point::new(0.0, 0.0));
    t.point(16, Point::new(1.0, 0.0));
    t.point(17, Point::new(0.0, 1.0));
    t.int(76, 1);
    t.handle(330, record);
    if model {
        t.handle(331, fx.vport_active);
    }
}
