<?php
/*
 * Renders the jobs written by gen.py with the PHP PDF libraries installed from Debian:
 *   Dompdf (php-dompdf, /usr/share/php/dompdf)  families dompdf-invoiceplane, dompdf-crater
 *   TCPDF  (php-tcpdf,  /usr/share/php/tcpdf)   families tcpdf-sponge, tcpdf-din (Cell/MultiCell), tcpdf-html (writeHTML)
 *
 *   php render.php JOBS.json
 *
 * Every string printed comes formatted from gen.py (numbers, dates, labels); this file only lays it out.
 * No code of any invoicing application is copied: the layouts are written against the libraries' APIs
 * after the look of the applications' printed invoices.
 */

require_once '/usr/share/php/dompdf/autoload.php';
require_once '/usr/share/php/tcpdf/autoload.php';

use Dompdf\Dompdf;
use Dompdf\Options;

error_reporting(E_ALL & ~E_DEPRECATED);

function h($s) { return htmlspecialchars((string)$s, ENT_QUOTES | ENT_HTML401, 'UTF-8'); }
function hl($lines) { return implode('<br>', array_map('h', $lines)); }
function pdfdate($iso) { // 2024-03-05T09:30:00Z -> D:20240305093000Z
    return 'D:' . preg_replace('/[^0-9]/', '', substr($iso, 0, 19)) . 'Z';
}
function pagefmt($fmt, $p, $n) { return str_replace(['{p}', '{n}'], [$p, $n], $fmt); }
function hex2rgb($hex) { $hex = ltrim($hex, '#'); return [hexdec(substr($hex, 0, 2)), hexdec(substr($hex, 2, 2)), hexdec(substr($hex, 4, 2))]; }

// =====================================================================================  Dompdf
function dompdf_font_css($job) {
    $n = $job['font']['name'];
    if ($n === 'Helvetica') return 'Helvetica, Arial, sans-serif';
    if ($n === 'Times') return "'Times New Roman', Times, serif";
    return "'$n'";
}

function html_items_table($job, $cls, $sums_rows = null, $ncols_label = null) {
    $t = $job['table'];
    $o = '<table class="' . $cls . '"><thead><tr>';
    foreach ($t['head'] as $i => $hd) {
        $k = $t['kind'][$i];
        $o .= '<th class="c-' . $k . ' a-' . $t['align'][$i] . '">' . h($hd) . '</th>';
    }
    $o .= '</tr></thead><tbody>';
    foreach ($t['rows'] as $r => $row) {
        $o .= '<tr class="' . ($r % 2 ? 'odd' : 'even') . '">';
        foreach ($row as $i => $cell) {
            $k = $t['kind'][$i];
            $o .= '<td class="c-' . $k . ' a-' . $t['align'][$i] . '">' . h($cell) . '</td>';
        }
        $o .= '</tr>';
    }
    $o .= '</tbody>';
    if ($sums_rows) $o .= $sums_rows;
    return $o . '</table>';
}

function dompdf_common_css($job, $fontcss) {
    return "body { font-family: $fontcss; font-size: 9pt; color: #333; }
      .a-right { text-align: right; white-space: nowrap; } .a-center { text-align: center; } .a-left { text-align: left; }
      .c-desc { white-space: normal; } .c-sku, .c-qty, .c-price, .c-total, .c-vat, .c-disc, .c-unit, .c-pos { white-space: nowrap; }
      tr { page-break-inside: avoid; }
      .small { font-size: 7.5pt; color: #666; }";
}

function render_invoiceplane($job) {
    $o = $job['opts']; $acc = $o['accent']; $font = dompdf_font_css($job);
    $sup = $job['supplier'];
    $client = '<div id="client"><div class="label">' . h($job['parties'][0]['label']) . '</div><b>' . h($job['parties'][0]['lines'][0])
        . '</b><br>' . hl(array_slice($job['parties'][0]['lines'], 1)) . '</div>';
    $company = '<div id="company"><b>' . h($sup['name']) . '</b><br>' . hl($sup['lines']) . '<br>' . hl($sup['contact'])
        . ($sup['legal'] ? '<br>' . h($sup['legal'][0]) : '') . '</div>';
    $ship = '';
    if (count($job['parties']) > 1) {
        $ship = '<div id="ship"><div class="label">' . h($job['parties'][1]['label']) . '</div>' . hl($job['parties'][1]['lines']) . '</div>';
    }
    $details = '<table class="invoice-details">';
    foreach ($job['meta'] as $kv) $details .= '<tr><td>' . h($kv[0]) . ':</td><td>' . h($kv[1]) . '</td></tr>';
    $details .= '</table>';
    $n = count($job['table']['head']);
    $sums = null;
    $totals_html = '';
    if ($o['sums_in_table']) {
        $sums = '<tbody class="invoice-sums">';
        foreach ($job['totals'] as $t) {
            $cls = $t[2] === 'big' ? ' class="grand"' : '';
            $sums .= "<tr$cls><td colspan=\"" . ($n - 1) . '" class="a-right">' . h($t[0]) . '</td><td class="a-right amount">' . h($t[1]) . '</td></tr>';
        }
        $sums .= '</tbody>';
    } else {
        $totals_html = '<table class="totals">';
        foreach ($job['totals'] as $t) {
            $cls = $t[2] === 'big' ? ' class="grand"' : '';
            $totals_html .= "<tr$cls><td>" . h($t[0]) . '</td><td class="a-right">' . h($t[1]) . '</td></tr>';
        }
        $totals_html .= '</table><div style="clear: both"></div>';
    }
    $items = html_items_table($job, 'item-table', $sums);
    $after = '';
    foreach ($job['notes'] as $nt) $after .= '<p>' . h($nt) . '</p>';
    if ($job['terms']) $after .= '<div class="section"><b>' . h($job['terms_label']) . '</b><br>' . hl($job['terms']) . '</div>';
    $after .= '<div class="section"><b>' . h($job['bank_label']) . '</b><br>' . hl($job['bank']) . '</div>';
    if ($job['mentions']) $after .= '<p class="small">' . h($job['mentions']) . '</p>';
    $zebra = $o['zebra'] ? '.item-table tbody tr.odd td { background: #f4f4f4; }' : '';
    $left = $o['client_left'] ? 'left' : 'right'; $right = $o['client_left'] ? 'right' : 'left';
    $common = dompdf_common_css($job, $font);
    $footer = h($job['footer'][0]) . '<br>' . h($job['footer'][1]);
    $e = 'h';
    $html = <<<HTML
<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page { margin: 18mm 15mm 24mm 15mm; }
$common
#footer { position: fixed; left: 0; right: 0; bottom: -16mm; height: 10mm; border-top: 1px solid #ccc; padding-top: 1.5mm;
  text-align: center; font-size: 7pt; color: #777; }
header { border-bottom: 1px solid #ddd; padding-bottom: 4mm; margin-bottom: 4mm; }
#logo { font-size: 17pt; font-weight: bold; color: $acc; margin-bottom: 4mm; }
#client { float: $left; width: 48%; } #company { float: $right; width: 48%; text-align: $right; }
#ship { clear: both; padding-top: 3mm; }
.label { font-size: 7.5pt; text-transform: uppercase; color: #888; margin-bottom: 1mm; }
.invoice-details { float: right; margin-bottom: 4mm; } .invoice-details td { padding: 0.4mm 0 0.4mm 5mm; text-align: right; }
h1.invoice-title { font-size: 15pt; color: #555; margin: 2mm 0 5mm 0; font-weight: normal; }
table.item-table { width: 100%; border-collapse: collapse; }
.item-table th { border-bottom: 1.5px solid #888; padding: 2mm 1.5mm; font-size: 8.5pt; }
.item-table td { padding: 1.5mm; border-bottom: 1px solid #e3e3e3; vertical-align: top; }
.item-table .invoice-sums td { border: none; padding: 1mm 1.5mm; }
.item-table .invoice-sums tr.grand td { font-weight: bold; font-size: 10pt; border-top: 1px solid #888; }
$zebra
table.totals { float: right; width: 48%; margin-top: 4mm; border-collapse: collapse; }
.totals td { padding: 1mm 1.5mm; } .totals tr.grand td { font-weight: bold; border-top: 1px solid #888; font-size: 10pt; }
.section { margin-top: 5mm; page-break-inside: avoid; }
</style></head><body>
<div id="footer">$footer</div>
<header><div id="logo">{$e($job['supplier']['name'])}</div>$client $company<div style="clear: both"></div>$ship</header>
<main>
$details
<h1 class="invoice-title">{$e($job['title'])} {$e($job['number'])}</h1>
<div style="clear: both"></div>
$items
$totals_html
$after
</main></body></html>
HTML;
    return $html;
}

function render_crater($job) {
    $o = $job['opts']; $acc = $o['accent']; $font = dompdf_font_css($job);
    $sup = $job['supplier'];
    $addr = '';
    foreach ($job['parties'] as $i => $p) {
        if ($i > 0 && !$o['ship_col']) continue;
        $addr .= '<div class="address"><div class="address-label">' . h($p['label']) . '</div><b>' . h($p['lines'][0]) . '</b><br>'
            . hl(array_slice($p['lines'], 1)) . '</div>';
    }
    $details = '<table class="details">';
    foreach ($job['meta'] as $kv) $details .= '<tr><td class="dl">' . h($kv[0]) . '</td><td class="dv">' . h($kv[1]) . '</td></tr>';
    $details .= '</table>';
    $detpos = $o['details_right'] ? 'float: right;' : 'margin-top: 4mm;';
    $items = html_items_table($job, 'items-table');
    $tot = '<table class="total-display-table">';
    foreach ($job['totals'] as $t) {
        $cls = $t[2] === 'big' ? ' class="grand"' : '';
        $tot .= "<tr$cls><td class=\"tl\">" . h($t[0]) . '</td><td class="tv">' . h($t[1]) . '</td></tr>';
    }
    $tot .= '</table>';
    $vat = '';
    if ($job['vat']) {
        $v = $job['vat'];
        $vat = '<table class="vat-table"><tr><th colspan="4" class="a-left">' . h($v['title']) . '</th></tr><tr>';
        foreach ($v['head'] as $i => $hd) $vat .= '<th class="' . ($i ? 'a-right' : 'a-left') . '">' . h($hd) . '</th>';
        $vat .= '</tr>';
        foreach ($v['rows'] as $r) {
            $vat .= '<tr>';
            foreach ($r as $i => $c) $vat .= '<td class="' . ($i ? 'a-right' : 'a-left') . '">' . h($c) . '</td>';
            $vat .= '</tr>';
        }
        $vat .= '</table>';
    }
    $headline = $job['headline'] ? '<div class="headline">' . h($job['headline']) . '</div>' : '';
    $notes = '';
    foreach ($job['notes'] as $nt) $notes .= '<p>' . h($nt) . '</p>';
    if ($job['terms']) $notes .= '<div class="notes-label">' . h($job['terms_label']) . '</div><p>' . hl($job['terms']) . '</p>';
    $notes .= '<div class="notes-label">' . h($job['bank_label']) . '</div><p>' . hl($job['bank']) . '</p>';
    $notes .= '<p>' . h($job['thanks']) . '</p>';
    if ($job['mentions']) $notes .= '<p class="small">' . h($job['mentions']) . '</p>';
    $common = dompdf_common_css($job, $font);
    $e = 'h';
    $html = <<<HTML
<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page { margin: 14mm 12mm 22mm 12mm; }
$common
.header-table { width: 100%; } .company-name { font-size: 16pt; font-weight: bold; color: $acc; }
.company-address { text-align: right; font-size: 8pt; color: #595959; line-height: 1.35; }
hr.header-bottom-divider { border: 0; border-top: 1px solid $acc; margin: 3mm 0 5mm 0; }
.doc-title { font-size: 13pt; font-weight: bold; letter-spacing: 1px; color: #333; margin-bottom: 3mm; }
.address { display: inline-block; width: 30%; vertical-align: top; font-size: 8.5pt; line-height: 1.35; margin-right: 2%; }
.address-label { font-size: 8pt; color: #55547A; font-weight: bold; margin-bottom: 1mm; }
.details { $detpos border-collapse: collapse; } .details td { padding: 0.6mm 0 0.6mm 4mm; font-size: 8.5pt; }
.details .dl { color: #55547A; } .details .dv { text-align: right; font-weight: bold; }
.headline { font-size: 12pt; font-weight: bold; margin: 4mm 0 1mm 0; color: $acc; }
table.items-table { width: 100%; border-collapse: collapse; margin-top: 6mm; }
.items-table th { border-top: 1px solid #E8E8E8; border-bottom: 1px solid #E8E8E8; padding: 2.2mm 1.5mm; color: #55547A;
  font-size: 8.5pt; font-weight: bold; }
.items-table td { padding: 2mm 1.5mm; vertical-align: top; font-size: 8.5pt; }
table.total-display-table { width: 50%; float: right; border-collapse: collapse; margin-top: 3mm; page-break-inside: avoid; }
.total-display-table td { padding: 1.3mm 1.5mm; font-size: 8.5pt; } .total-display-table .tl { color: #55547A; }
.total-display-table .tv { text-align: right; white-space: nowrap; }
.total-display-table tr.grand td { border-top: 1px solid #E8E8E8; border-bottom: 1px solid #E8E8E8; font-weight: bold;
  font-size: 10pt; color: $acc; }
table.vat-table { width: 45%; float: left; border-collapse: collapse; margin-top: 3mm; font-size: 8pt; }
.vat-table th, .vat-table td { padding: 1mm 1.5mm; border-bottom: 1px solid #E8E8E8; }
.notes { clear: both; padding-top: 6mm; font-size: 8.5pt; page-break-inside: avoid; }
.notes-label { color: #55547A; font-weight: bold; margin-top: 2mm; }
.notes p { margin: 0.5mm 0 1.5mm 0; }
#footer { position: fixed; bottom: -14mm; left: 0; right: 0; height: 8mm; font-size: 7pt; color: #888;
  border-top: 1px solid #E8E8E8; padding-top: 1.5mm; }
</style></head><body>
<div id="footer">{$e($job['footer'][0])}<br>{$e($job['footer'][1])}</div>
<table class="header-table"><tr><td style="width: 50%; vertical-align: top;"><div class="company-name">{$e($sup['name'])}</div></td>
<td class="company-address">{$e(implode(' · ', $sup['lines']))}<br>{$e(implode(' · ', $sup['contact']))}<br>{$e(implode(' · ', $sup['legal']))}</td></tr></table>
<hr class="header-bottom-divider">
<div class="doc-title">{$e($job['title'])}</div>
$details
<div class="addresses">$addr</div>
<div style="clear: both"></div>
$headline
$items
$vat
$tot
<div class="notes">$notes</div>
</body></html>
HTML;
    return $html;
}

/* Debian's php-dompdf 2.0.3 links the DejaVu TTFs into lib/fonts but not dompdf's .ufm metrics for them, so
 * the bundled "DejaVu Sans" would silently fall back to Helvetica (WinAnsi, "?" for ř, č, ů). The DejaVu
 * fonts of fonts-dejavu-core are therefore registered once with FontMetrics::registerFont (what dompdf's
 * load_font.php does) into a temporary font dir. */
function register_dejavu($dompdf) {
    static $done = false;
    if ($done) return;
    $fm = $dompdf->getFontMetrics();
    $d = '/usr/share/fonts/truetype/dejavu/';
    foreach (['DejaVu Sans' => 'DejaVuSans', 'DejaVu Serif' => 'DejaVuSerif'] as $fam => $file) {
        $fm->registerFont(['family' => $fam, 'weight' => 'normal', 'style' => 'normal'], "$d$file.ttf");
        $fm->registerFont(['family' => $fam, 'weight' => 'bold', 'style' => 'normal'], "$d$file-Bold.ttf");
    }
    $done = true;
}

function render_dompdf($job, $fontCache) {
    $opt = new Options();
    $opt->set('fontCache', $fontCache);
    $opt->set('fontDir', $fontCache);
    $opt->set('tempDir', $fontCache);
    $opt->setChroot(['/usr/share/php/dompdf', '/usr/share/fonts/truetype/dejavu']);
    $opt->set('isRemoteEnabled', false);
    $opt->set('isPhpEnabled', false);
    $opt->set('defaultFont', 'DejaVu Sans');
    $dompdf = new Dompdf($opt);
    register_dejavu($dompdf);
    $dompdf->setPaper($job['paper'] === 'letter' ? 'letter' : 'A4', 'portrait');
    $html = $job['family'] === 'dompdf-crater' ? render_crater($job) : render_invoiceplane($job);
    $dompdf->loadHtml($html, 'UTF-8');
    $dompdf->render();
    $canvas = $dompdf->getCanvas();
    $fm = $dompdf->getFontMetrics();
    $fname = $job['font']['name'] === 'Times' ? 'times' : ($job['font']['kind'] === 'ttf' ? $job['font']['name'] : 'helvetica');
    $font = $fm->getFont($fname);
    $w = $canvas->get_width(); $hgt = $canvas->get_height();
    $txt = pagefmt($job['page_fmt'], '{PAGE_NUM}', '{PAGE_COUNT}');
    // page numbers via the canvas (what the apps do in an inline <script type="text/php">)
    if ($job['family'] === 'dompdf-crater') {
        $canvas->page_text($w - 95, $hgt - 30, $txt, $font, 7, [0.45, 0.45, 0.45]);
    } else {
        $canvas->page_text($w / 2 - 25, $hgt - 22, $txt, $font, 7, [0.45, 0.45, 0.45]);
    }
    $canvas->add_info('Title', $job['title'] . ' ' . $job['number']);
    $canvas->add_info('CreationDate', pdfdate($job['creation']));
    $canvas->add_info('ModDate', pdfdate($job['creation']));
    $canvas->get_cpdf()->fileIdentifier = md5('php-set/' . $job['id']);
    file_put_contents($job['out'], $dompdf->output());
}

// =====================================================================================  TCPDF
class InvoicePDF extends TCPDF {
    public $job;
    public function __construct($job) {
        parent::__construct('P', 'mm', $job['paper'] === 'letter' ? 'LETTER' : 'A4', true, 'UTF-8', false);
        $this->job = $job;
        $this->file_id = md5('php-set/' . $job['id']);
        $ts = strtotime($job['creation']);
        $this->setDocCreationTimestamp($ts);
        $this->setDocModificationTimestamp($ts);
    }
    public function F($style = '', $size = 9) { $this->SetFont($this->job['font']['name'], $style, $size); }
    public function Header() {
        $j = $this->job; $f = $j['family'];
        if ($f === 'tcpdf-sponge') sponge_header($this);
        elseif ($f === 'tcpdf-din') din_header($this);
        else html_header($this);
    }
    public function Footer() {
        $j = $this->job; $f = $j['family'];
        if ($f === 'tcpdf-sponge') sponge_footer($this);
        elseif ($f === 'tcpdf-din') din_footer($this);
        else html_footer($this);
    }
}

/** column widths: fixed per kind, widened to the widest printed value; the description takes the rest */
function tcpdf_widths($pdf, $job, $avail, $size) {
    $fixed = ['pos' => 9, 'sku' => 20, 'qty' => 13, 'unit' => 13, 'price' => 21, 'disc' => 12, 'vat' => 12, 'total' => 24];
    $t = $job['table'];
    $ws = [];
    foreach ($t['kind'] as $i => $k) {
        if ($k === 'desc') { $ws[] = 0; continue; }
        $pdf->F('', $size);
        $m = 0;
        foreach ($t['rows'] as $r) $m = max($m, $pdf->GetStringWidth($r[$i]));
        $pdf->F('B', $size);
        $m = max($m, $k === 'sku' || $k === 'pos' ? 0 : min($pdf->GetStringWidth($t['head'][$i]), 26));
        $ws[] = max($fixed[$k], $m + 2.5);
    }
    $di = array_search('desc', $t['kind']);
    $ws[$di] = $avail - array_sum($ws);
    return $ws;
}

function tcpdf_head_row($pdf, $x0, $ws, $job, $size, $fill, $lh = 6, $border = 0) {
    $t = $job['table'];
    $pdf->F('B', $size);
    $y = $pdf->GetY();
    $nl = 1;
    foreach ($t['head'] as $i => $hd) $nl = max($nl, $pdf->getNumLines($hd, $ws[$i]));
    $h = max($lh, $nl * $size * 0.45 + 2);
    $x = $x0;
    foreach ($t['head'] as $i => $hd) {
        $al = $t['align'][$i] === 'right' ? 'R' : ($t['align'][$i] === 'center' ? 'C' : 'L');
        $pdf->MultiCell($ws[$i], $h, $hd, $border, $al, $fill, 0, $x, $y, true, 0, false, true, $h, 'M');
        $x += $ws[$i];
    }
    $pdf->SetY($y + $h);
    return $h;
}

/** draws the item rows; returns nothing. $onbreak() is called after AddPage to redraw the head */
function tcpdf_rows($pdf, $x0, $ws, $job, $size, $bottom, $onbreak, $zebra = false, $rules = false) {
    $t = $job['table'];
    $lh = $size * 0.45;
    foreach ($t['rows'] as $r => $row) {
        $pdf->F('', $size);
        $nl = 1;
        foreach ($row as $i => $c) if ($t['kind'][$i] === 'desc') $nl = max($nl, $pdf->getNumLines($c, $ws[$i]));
        $h = $nl * $lh + 2.2;
        if ($pdf->GetY() + $h > $bottom) {
            $onbreak(true);
        }
        $y = $pdf->GetY();
        if ($zebra && $r % 2) {
            $pdf->SetFillColor(243, 243, 243);
            $pdf->Rect($x0, $y, array_sum($ws), $h, 'F');
        }
        $x = $x0;
        foreach ($row as $i => $c) {
            $k = $t['kind'][$i];
            $al = $t['align'][$i] === 'right' ? 'R' : ($t['align'][$i] === 'center' ? 'C' : 'L');
            if ($k === 'desc') {
                $pdf->MultiCell($ws[$i], $h, $c, 0, $al, false, 0, $x, $y + 1, true, 0, false, true, $h, 'T');
            } else {
                $pdf->SetXY($x, $y + 1);
                $pdf->Cell($ws[$i], $lh, $c, 0, 0, $al);
            }
            $x += $ws[$i];
        }
        $pdf->SetY($y + $h);
        if ($rules) {
            $pdf->SetDrawColor(210, 210, 210);
            $pdf->Line($x0, $y + $h, $x0 + array_sum($ws), $y + $h);
            $pdf->SetDrawColor(0, 0, 0);
        }
    }
}

function totals_block($pdf, $x, $wl, $wv, $job, $size, $bottom, $boxfill = true) {
    $n = count($job['totals']);
    if ($pdf->GetY() + $n * 5.5 + 4 > $bottom) $pdf->AddPage();
    foreach ($job['totals'] as $t) {
        $big = $t[2] === 'big'; $strong = $t[2] === 'strong';
        $pdf->F($big || $strong ? 'B' : '', $big ? $size + 1 : $size);
        $fill = $big && $boxfill;
        if ($fill) $pdf->SetFillColor(230, 230, 230);
        $pdf->SetX($x);
        $pdf->Cell($wl, 5.5, $t[0], $big ? 'T' : 0, 0, 'L', $fill);
        $pdf->Cell($wv, 5.5, $t[1], $big ? 'T' : 0, 1, 'R', $fill);
    }
}

// ------------------------------------------------------------------ tcpdf-sponge (Dolibarr-like)
function sponge_header($pdf) {
    $j = $pdf->job; $D = $j['doli'];
    $pw = $pdf->getPageWidth();
    $pdf->SetTextColor(0, 0, 60);
    $pdf->F('B', 13);
    $pdf->SetXY(10, 10);
    $pdf->Cell(90, 7, $j['supplier']['name'], 0, 0, 'L');
    $pdf->SetXY($pw - 110, 10);
    $pdf->Cell(100, 7, $j['title'], 0, 1, 'R');
    $pdf->F('', 9);
    $y = 18;
    $meta = $j['meta'];
    $meta[0][0] = $D['ref'];
    if ($pdf->getPage() > 1) $meta = array_slice($meta, 0, 2);
    foreach ($meta as $kv) {
        $pdf->SetXY($pw - 110, $y);
        $pdf->Cell(100, 4, $kv[0] . ' : ' . $kv[1], 0, 0, 'R');
        $y += 4;
    }
    $pdf->SetTextColor(0, 0, 0);
}

function sponge_footer($pdf) {
    $j = $pdf->job;
    $pw = $pdf->getPageWidth(); $ph = $pdf->getPageHeight();
    $pdf->SetDrawColor(180, 180, 180);
    $pdf->Line(10, $ph - 18, $pw - 10, $ph - 18);
    $pdf->F('', 7);
    $pdf->SetTextColor(80, 80, 80);
    $pdf->SetXY(10, $ph - 17);
    $pdf->Cell($pw - 20, 3.5, $j['footer'][0], 0, 1, 'C');
    $pdf->SetX(10);
    $pdf->Cell($pw - 20, 3.5, $j['footer'][1], 0, 1, 'C');
    $pdf->SetXY($pw - 40, $ph - 9);
    $pdf->Cell(30, 3.5, $pdf->getAliasNumPage() . '/' . $pdf->getAliasNbPages(), 0, 0, 'R');
    $pdf->SetTextColor(0, 0, 0);
    $pdf->SetDrawColor(0, 0, 0);
}

function render_sponge($pdf) {
    $j = $pdf->job; $o = $j['opts']; $D = $j['doli'];
    $pw = $pdf->getPageWidth(); $ph = $pdf->getPageHeight();
    $pdf->SetMargins(10, 38, 10);
    $pdf->SetAutoPageBreak(true, 22);
    $pdf->AddPage();
    $sup = $j['supplier'];
    $ytop = 46;
    // sender box (grey) and recipient framed box
    if ($o['sender_box']) {
        $pdf->F('', 8);
        $pdf->SetXY(10, $ytop - 5);
        $pdf->Cell(80, 4, $D['sender'] . ':', 0, 0, 'L');
        $pdf->SetFillColor(230, 230, 230);
        $pdf->RoundedRect(10, $ytop, 82, 38, 2, '1111', 'F');
        $pdf->SetXY(12, $ytop + 2);
        $pdf->F('B', 9);
        $pdf->Cell(78, 4.5, $sup['name'], 0, 1);
        $pdf->F('', 8.5);
        foreach (array_merge($sup['lines'], [$sup['contact'][0], $sup['contact'][1]], array_slice($sup['legal'], 0, 1)) as $l) {
            $pdf->SetX(12);
            $pdf->Cell(78, 4, $l, 0, 1);
        }
    }
    $bx = $pw - 110;
    $pdf->F('', 8);
    $pdf->SetXY($bx, $ytop - 5);
    $pdf->Cell(80, 4, $D['to'] . ':', 0, 0, 'L');
    $pdf->RoundedRect($bx, $ytop, 100, 38, 2, '1111', 'D');
    $bill = $j['parties'][0]['lines'];
    $pdf->SetXY($bx + 2, $ytop + 2);
    $pdf->F('B', 9.5);
    $pdf->Cell(96, 5, $bill[0], 0, 1);
    $pdf->F('', 9);
    foreach (array_slice($bill, 1) as $l) { $pdf->SetX($bx + 2); $pdf->Cell(96, 4.3, $l, 0, 1); }
    if (!$o['sender_box']) {
        $pdf->F('', 8.5);
        $pdf->SetXY(10, $ytop);
        $pdf->MultiCell(80, 4, implode("\n", array_merge($sup['lines'], $sup['contact'], $sup['legal'])), 0, 'L');
    }
    $y = $ytop + 42;
    foreach ($j['notes'] as $nt) {
        $pdf->F('', 8.5);
        $pdf->SetXY(10, $y);
        $pdf->MultiCell($pw - 20, 4, $nt, 1, 'L');
        $y = $pdf->GetY() + 2;
    }
    if ($j['amounts_note']) {
        $pdf->F('', 8);
        $pdf->SetXY($pw - 90, $y);
        $pdf->Cell(80, 4, $j['amounts_note'], 0, 0, 'R');
    }
    $y += 5;
    $avail = $pw - 20;
    $ws = tcpdf_widths($pdf, $j, $avail, 8.5);
    $bottom = $ph - 24;
    $tabtop = $y;
    $frame = function ($ystart, $yend) use ($pdf, $ws, $o) {
        $pdf->SetDrawColor(128, 128, 128);
        $pdf->Rect(10, $ystart, array_sum($ws), $yend - $ystart, 'D');
        if ($o['vlines']) {
            $x = 10;
            foreach (array_slice($ws, 0, -1) as $w) { $x += $w; $pdf->Line($x, $ystart, $x, $yend); }
        }
        $pdf->SetDrawColor(0, 0, 0);
    };
    $pdf->SetY($y);
    $pdf->SetFillColor(230, 230, 230);
    tcpdf_head_row($pdf, 10, $ws, $j, 8.5, true, 6, 'B');
    $state = ['top' => $tabtop];
    $onbreak = function () use ($pdf, $ws, $j, $frame, &$state, $bottom) {
        $frame($state['top'], $bottom);
        $pdf->AddPage();
        $pdf->SetY(40);
        $state['top'] = 40;
        $pdf->SetFillColor(230, 230, 230);
        tcpdf_head_row($pdf, 10, $ws, $j, 8.5, true, 6, 'B');
    };
    tcpdf_rows($pdf, 10, $ws, $j, 8.5, $bottom, $onbreak, false, $o['variant'] === 'crabe');
    $frame($state['top'], $pdf->GetY() + 1);
    $pdf->SetY($pdf->GetY() + 4);
    // totals right, payment info left
    $need = count($j['totals']) * 5.5 + 6;
    if ($pdf->GetY() + $need > $bottom) { $pdf->AddPage(); $pdf->SetY(40); }
    $ty = $pdf->GetY();
    $pdf->SetY($ty);
    totals_block($pdf, $pw - 100, 60, 30, $j, 9, $bottom, true);
    $yend = $pdf->GetY();
    $pdf->SetXY(10, $ty);
    $pdf->F('', 8);
    $left = [];
    if ($j['terms']) $left[] = $j['terms_label'] . ' : ' . $j['terms'][0];
    $left[] = $D['bank_intro'];
    $left = array_merge($left, $j['bank']);
    $pdf->MultiCell(85, 3.8, implode("\n", $left), 0, 'L');
    $y = max($yend, $pdf->GetY()) + 4;
    if ($j['mentions']) {
        if ($y + 12 > $bottom) { $pdf->AddPage(); $y = 40; }
        $pdf->SetXY(10, $y);
        $pdf->F('', 7);
        $pdf->MultiCell($pw - 20, 3.2, $j['mentions'], 0, 'L');
    }
}

// ------------------------------------------------------------------ tcpdf-din (DIN 5008 letter from an ERP)
function din_header($pdf) {
    $j = $pdf->job; $o = $j['opts'];
    $pw = $pdf->getPageWidth();
    if ($pdf->getPage() === 1) {
        $pdf->SetTextColor(...hex2rgb($o['accent']));
        $pdf->F('B', 16);
        $pdf->SetXY(25, 12);
        $pdf->Cell($pw - 45, 8, $j['supplier']['name'], 0, 1, 'R');
        $pdf->SetTextColor(90, 90, 90);
        $pdf->F('', 8);
        $pdf->SetX(25);
        $pdf->Cell($pw - 45, 4, implode(' · ', $j['supplier']['lines']), 0, 1, 'R');
        $pdf->SetX(25);
        $pdf->Cell($pw - 45, 4, implode(' · ', $j['supplier']['contact']), 0, 1, 'R');
        $pdf->SetTextColor(0, 0, 0);
    } else {
        $pdf->F('', 8);
        $pdf->SetXY(25, 12);
        $pdf->Cell(($pw - 45) / 2, 4, $j['supplier']['name'], 0, 0, 'L');
        $pdf->Cell(($pw - 45) / 2, 4, $j['title'] . ' ' . $j['number'] . ' – ' . $j['cont'], 0, 1, 'R');
        $pdf->Line(25, 17, $pw - 20, 17);
    }
    if ($o['fold_marks']) {
        $pdf->SetDrawColor(150, 150, 150);
        $pdf->Line(4, 105, 8, 105);
        $pdf->Line(4, 148.5, 9, 148.5);
        $pdf->Line(4, 210, 8, 210);
        $pdf->SetDrawColor(0, 0, 0);
    }
}

function din_footer($pdf) {
    $j = $pdf->job;
    $pw = $pdf->getPageWidth(); $ph = $pdf->getPageHeight();
    $pdf->F('', 8);
    $pdf->SetXY(25, $ph - 31);
    $pdf->Cell($pw - 45, 4, pagefmt($j['page_fmt'], $pdf->getAliasNumPage(), $pdf->getAliasNbPages()), 0, 0, 'R');
    $pdf->SetDrawColor(160, 160, 160);
    $pdf->Line(25, $ph - 26, $pw - 20, $ph - 26);
    $pdf->SetDrawColor(0, 0, 0);
    $pdf->SetTextColor(80, 80, 80);
    $pdf->F('', 6.5);
    $sup = $j['supplier'];
    $cols = [array_merge([$sup['name']], $sup['lines']), $sup['contact'], array_merge([$j['bank_label']], $j['bank']), $sup['legal']];
    $w = ($pw - 45) / 4;
    foreach ($cols as $i => $c) {
        $pdf->MultiCell($w - 1, 3, implode("\n", $c), 0, 'L', false, 0, 25 + $i * $w, $ph - 24.5);
    }
    $pdf->SetTextColor(0, 0, 0);
}

function render_din($pdf) {
    $j = $pdf->job; $o = $j['opts'];
    $pw = $pdf->getPageWidth(); $ph = $pdf->getPageHeight();
    $pdf->SetMargins(25, 24, 20);
    $pdf->SetAutoPageBreak(true, 34);
    $pdf->AddPage();
    // address field (DIN 5008 form B: 45 mm from the top)
    if ($o['sender_line']) {
        $pdf->F('U', 7);
        $pdf->SetXY(25, 46);
        $pdf->Cell(85, 4, $j['sender_line'], 0, 1, 'L');
    }
    $pdf->F('', 10);
    $pdf->SetXY(25, 52);
    foreach ($j['parties'][0]['lines'] as $l) { $pdf->SetX(25); $pdf->Cell(85, 4.5, $l, 0, 1, 'L'); }
    // information block
    $pdf->F('', 8.5);
    $y = 50;
    foreach ($j['meta'] as $kv) {
        $pdf->SetXY(125, $y);
        $pdf->Cell(32, 4.2, $kv[0], 0, 0, 'L');
        $pdf->Cell($pw - 20 - 157, 4.2, $kv[1], 0, 0, 'L');
        $y += 4.2;
    }
    if (count($j['parties']) > 1) {
        $y += 3;
        $pdf->F('B', 8.5);
        $pdf->SetXY(125, $y);
        $pdf->Cell(60, 4.2, $j['parties'][1]['label'], 0, 1, 'L');
        $pdf->F('', 8.5);
        foreach ($j['parties'][1]['lines'] as $l) { $pdf->SetX(125); $pdf->Cell(60, 4, $l, 0, 1, 'L'); }
        $y = $pdf->GetY();
    }
    $y = max(98, $y + 6, $pdf->GetY() + 6);
    $pdf->SetXY(25, $y);
    $pdf->F('B', 13);
    $pdf->Cell($pw - 45, 7, $j['title'], 0, 1, 'L');
    $pdf->F('', 10);
    $pdf->SetX(25);
    $pdf->Cell(0, 5, $j['letter'][0], 0, 1);
    $pdf->SetX(25);
    $pdf->MultiCell($pw - 45, 5, $j['letter'][1], 0, 'L');
    foreach ($j['notes'] as $nt) { $pdf->SetX(25); $pdf->MultiCell($pw - 45, 5, $nt, 0, 'L'); }
    $pdf->Ln(3);
    $avail = $pw - 45;
    $size = 8.5;
    $ws = tcpdf_widths($pdf, $j, $avail, $size);
    $bottom = $ph - 36;
    $drawhead = function () use ($pdf, $ws, $j, $o, $size) {
        if ($o['head_rule'] === 'fill') {
            $pdf->SetFillColor(225, 230, 238);
            tcpdf_head_row($pdf, 25, $ws, $j, $size, true, 6, 0);
        } else {
            tcpdf_head_row($pdf, 25, $ws, $j, $size, false, 6, 'TB');
        }
    };
    $drawhead();
    $onbreak = function () use ($pdf, $drawhead) {
        $pdf->AddPage();
        $pdf->SetY(22);
        $drawhead();
    };
    tcpdf_rows($pdf, 25, $ws, $j, $size, $bottom, $onbreak, false, true);
    $pdf->Ln(3);
    // VAT summary (left) and totals (right)
    $ty = $pdf->GetY();
    $need = max(count($j['totals']) * 5.5, $j['vat'] ? (count($j['vat']['rows']) + 2) * 4.5 : 0) + 4;
    if ($ty + $need > $bottom) { $pdf->AddPage(); $pdf->SetY(22); $ty = 22; }
    if ($j['vat']) {
        $v = $j['vat'];
        $pdf->F('B', 8);
        $pdf->SetXY(25, $ty);
        $pdf->Cell(80, 4.5, $v['title'], 0, 1);
        $vw = [14, 22, 20, 22];
        $pdf->SetX(25);
        foreach ($v['head'] as $i => $hd) $pdf->Cell($vw[$i], 4.5, $hd, 'B', 0, $i ? 'R' : 'L');
        $pdf->Ln();
        $pdf->F('', 8);
        foreach ($v['rows'] as $r) {
            $pdf->SetX(25);
            foreach ($r as $i => $c) $pdf->Cell($vw[$i], 4.5, $c, 0, 0, $i ? 'R' : 'L');
            $pdf->Ln();
        }
    }
    $vy = $pdf->GetY();
    $pdf->SetY($ty);
    totals_block($pdf, $pw - 20 - 85, 55, 30, $j, 9, $bottom, false);
    $pdf->SetY(max($vy, $pdf->GetY()) + 5);
    $pdf->F('', 9);
    $txt = [];
    if ($j['terms']) $txt[] = $j['terms_label'] . ': ' . $j['terms'][0];
    $txt[] = $j['bank_label'] . ': ' . implode(' · ', $j['bank']);
    if ($j['mentions']) $txt[] = $j['mentions'];
    foreach ($txt as $t) { $pdf->SetX(25); $pdf->MultiCell($pw - 45, 4.5, $t, 0, 'L'); }
    $pdf->Ln(3);
    $pdf->SetX(25);
    $pdf->MultiCell($pw - 45, 5, $j['thanks'] . "\n\n" . $j['letter'][2] . "\n" . $j['supplier']['name'], 0, 'L');
}

// ------------------------------------------------------------------ tcpdf-html (writeHTML)
function html_header($pdf) {
    $j = $pdf->job; $o = $j['opts'];
    $pw = $pdf->getPageWidth();
    $pdf->SetTextColor(...hex2rgb($o['accent']));
    $pdf->F('B', 15);
    $pdf->SetXY(15, 10);
    $pdf->Cell(($pw - 30) / 2, 8, $j['supplier']['name'], 0, 0, 'L');
    $pdf->F('B', 17);
    $pdf->Cell(($pw - 30) / 2, 8, $j['title'], 0, 1, 'R');
    $pdf->SetTextColor(0, 0, 0);
    if ($pdf->getPage() > 1) {
        $pdf->F('', 8);
        $pdf->SetX(15);
        $pdf->Cell($pw - 30, 4, $j['num_label'] . ' ' . $j['number'] . ' (' . $j['cont'] . ')', 0, 1, 'R');
    }
    $pdf->SetDrawColor(...hex2rgb($o['accent']));
    $pdf->Line(15, 23, $pw - 15, 23);
    $pdf->SetDrawColor(0, 0, 0);
}

function html_footer($pdf) {
    $j = $pdf->job;
    $pw = $pdf->getPageWidth();
    $pdf->SetY(-17);
    $pdf->F('', 7);
    $pdf->SetTextColor(100, 100, 100);
    $pdf->Cell(0, 3.5, $j['footer'][0], 'T', 1, 'C');
    $pdf->Cell(0, 3.5, $j['footer'][1], 0, 1, 'C');
    $pdf->Cell(0, 3.5, pagefmt($j['page_fmt'], $pdf->getAliasNumPage(), $pdf->getAliasNbPages()), 0, 0, 'R');
    $pdf->SetTextColor(0, 0, 0);
}

function render_tcpdf_html($pdf) {
    $j = $pdf->job; $o = $j['opts']; $acc = $o['accent'];
    $pdf->SetMargins(15, 28, 15);
    $pdf->SetAutoPageBreak(true, 22);
    $pdf->setHeaderMargin(8);
    $pdf->setFooterMargin(18);
    $pdf->AddPage();
    $pdf->F('', 9);
    $sup = $j['supplier'];
    $p0 = $j['parties'][0];
    $cl = '<b>' . h($p0['label']) . '</b><br/><b>' . h($p0['lines'][0]) . '</b><br/>' . implode('<br/>', array_map('h', array_slice($p0['lines'], 1)));
    $cb = $o['client_box'] ? ' border="1"' : '';
    $html = '<table cellpadding="2"><tr><td width="52%"><b>' . h($sup['name']) . '</b><br/>'
        . implode('<br/>', array_map('h', array_merge($sup['lines'], $sup['contact'], $sup['legal']))) . '</td>'
        . '<td width="48%"><table cellpadding="4"' . $cb . '><tr><td>' . $cl . '</td></tr></table></td></tr></table><br/>';
    if (count($j['parties']) > 1) {
        $p1 = $j['parties'][1];
        $html .= '<p><b>' . h($p1['label']) . ':</b> ' . h(implode(', ', $p1['lines'])) . '</p>';
    }
    // meta as a framed row of label over value (factura/fattura style)
    $meta = $j['meta'];
    $w = round(100 / count($meta), 2);
    $html .= '<table cellpadding="3" border="1"><tr>';
    foreach ($meta as $kv) $html .= '<td width="' . $w . '%" bgcolor="#EEEEEE" style="font-size:7.5pt"><b>' . h($kv[0]) . '</b></td>';
    $html .= '</tr><tr>';
    foreach ($meta as $kv) $html .= '<td width="' . $w . '%">' . h($kv[1]) . '</td>';
    $html .= '</tr></table><br/><br/>';
    foreach ($j['notes'] as $nt) $html .= '<p>' . h($nt) . '</p>';
    // items
    $t = $j['table'];
    $pw = ['pos' => 5, 'sku' => 12, 'qty' => 9, 'unit' => 8, 'price' => 13, 'disc' => 8, 'vat' => 8, 'total' => 15];
    $avail = $pdf->getPageWidth() - 30;
    $ws = [];
    foreach ($t['kind'] as $i => $k) {
        if ($k === 'desc') { $ws[] = 0; continue; }
        $m = 0;
        foreach ($t['rows'] as $r) $m = max($m, $pdf->GetStringWidth($r[$i]));
        $ws[] = max($pw[$k], ceil(($m + 4) / $avail * 100));
    }
    $ws[array_search('desc', $t['kind'])] = 100 - array_sum($ws);
    $b = $o['border'] ? ' border="1"' : '';
    $html .= '<table cellpadding="3"' . $b . '>';
    $head = '<tr bgcolor="' . $acc . '" color="#FFFFFF">';
    foreach ($t['head'] as $i => $hd) $head .= '<th width="' . $ws[$i] . '%" align="' . $t['align'][$i] . '"><b>' . h($hd) . '</b></th>';
    $head .= '</tr>';
    $html .= $o['repeat_head'] ? '<thead>' . $head . '</thead>' : $head;
    foreach ($t['rows'] as $r => $row) {
        $bg = (!$o['border'] && $r % 2) ? ' bgcolor="#F3F3F3"' : '';
        $html .= '<tr nobr="true"' . $bg . '>';
        foreach ($row as $i => $c) $html .= '<td width="' . $ws[$i] . '%" align="' . $t['align'][$i] . '">' . h($c) . '</td>';
        $html .= '</tr>';
    }
    $html .= '</table><br/><br/>';
    $pdf->writeHTML($html, true, false, true, false, '');
    // VAT breakdown (left) and totals (right) in one unbreakable table
    $left = '';
    if ($j['vat']) {
        $v = $j['vat'];
        $left = '<table cellpadding="2" border="1"><tr><td colspan="4" bgcolor="#EEEEEE"><b>' . h($v['title']) . '</b></td></tr><tr>';
        foreach ($v['head'] as $i => $hd) $left .= '<td align="' . ($i ? 'right' : 'left') . '"><b>' . h($hd) . '</b></td>';
        $left .= '</tr>';
        foreach ($v['rows'] as $r) {
            $left .= '<tr>';
            foreach ($r as $i => $c) $left .= '<td align="' . ($i ? 'right' : 'left') . '">' . h($c) . '</td>';
            $left .= '</tr>';
        }
        $left .= '</table>';
    }
    $right = '<table cellpadding="2">';
    foreach ($j['totals'] as $tt) {
        $big = $tt[2] === 'big';
        $st = $big ? ' style="font-size:10.5pt"' : '';
        $right .= '<tr' . ($big ? ' bgcolor="#EEEEEE"' : '') . '><td width="60%"' . $st . '>' . ($big ? '<b>' : '') . h($tt[0]) . ($big ? '</b>' : '')
            . '</td><td width="40%" align="right"' . $st . '>' . ($big ? '<b>' : '') . h($tt[1]) . ($big ? '</b>' : '') . '</td></tr>';
    }
    $right .= '</table>';
    $html2 = '<table cellpadding="0" nobr="true"><tr><td width="52%">' . $left . '</td><td width="4%"></td><td width="44%">' . $right . '</td></tr></table><br/>';
    $txt = '';
    if ($j['terms']) $txt .= '<b>' . h($j['terms_label']) . ':</b> ' . h($j['terms'][0]) . '<br/>';
    $txt .= '<b>' . h($j['bank_label']) . ':</b> ' . h(implode(' · ', $j['bank'])) . '<br/>';
    $html2 .= '<p>' . $txt . '</p>';
    if ($j['mentions']) $html2 .= '<p style="font-size:7pt;color:#555555">' . h($j['mentions']) . '</p>';
    $html2 .= '<p>' . h($j['thanks']) . '</p>';
    $pdf->writeHTML($html2, true, false, true, false, '');
}

function render_tcpdf($job) {
    $pdf = new InvoicePDF($job);
    $pdf->SetCreator('invoicebot php check set');
    $pdf->SetAuthor($job['supplier']['name']);
    $pdf->SetTitle($job['title'] . ' ' . $job['number']);
    $pdf->setFontSubsetting(true);
    $pdf->setCellPaddings(1, 0.5, 1, 0.5);
    $f = $job['family'];
    if ($f === 'tcpdf-sponge') render_sponge($pdf);
    elseif ($f === 'tcpdf-din') render_din($pdf);
    else render_tcpdf_html($pdf);
    $pdf->Output($job['out'], 'F');
}

// =====================================================================================  main
$jobs = json_decode(file_get_contents($argv[1]), true);
$cache = getenv('PHP_FONT_CACHE') ?: sys_get_temp_dir() . '/php-set-dompdf-fonts';
if (!is_dir($cache)) mkdir($cache, 0777, true);
foreach ($jobs as $job) {
    if ($job['lib'] === 'dompdf') render_dompdf($job, $cache);
    else render_tcpdf($job);
    fwrite(STDOUT, $job['id'] . "\n");
}
