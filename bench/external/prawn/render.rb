# Lays out the invoice jobs written by gen.py with Prawn 2.4 and prawn-table 0.2 (Debian ruby-prawn,
# ruby-prawn-table). One run per batch:  ruby render.rb JOBS.json
#
# Every string printed is formatted by gen.py (numbers, dates, labels); this file only places it. The five
# layouts are written for this set against Prawn's public API, after the look of invoices printed by Rails
# apps (Spree/Solidus print-invoice, invoice_printer, ERP letters, cash & carry tickets, field-service apps).
require 'json'
require 'prawn'
require 'prawn/table'

Prawn::Fonts::AFM.hide_m17n_warning = true

MM = 72.0 / 25.4

def rgb(hex)
  hex
end

def lighten(hex, f)
  c = [hex[0, 2], hex[2, 2], hex[4, 2]].map { |x| x.to_i(16) }
  c.map { |x| format('%02X', (x + (255 - x) * f).round) }.join
end

def page_text(fmt)
  fmt.gsub('{p}', '<page>').gsub('{n}', '<total>')
end

def new_doc(job, margin)
  f = job['font']
  t = Time.parse(job['creation']) rescue Time.utc(2025, 1, 1)
  pdf = Prawn::Document.new(page_size: job['paper'] == 'letter' ? 'LETTER' : 'A4', margin: margin,
                            info: { Title: "#{job['title']} #{job['number']}", Author: job['supplier']['name'],
                                    Creator: 'Prawn', Producer: 'Prawn', CreationDate: t, ModDate: t })
  if f['kind'] == 'ttf'
    pdf.font_families.update('Body' => { normal: f['normal'], bold: f['bold'], italic: f['normal'], bold_italic: f['bold'] })
    pdf.font 'Body'
  else
    pdf.font f['name']
  end
  pdf.font_size job['opts']['size']
  pdf
end

# fixed widths for every column but the description (which takes the rest), wide enough for the widest cell
def col_widths(pdf, job, total_width, size, pad, heads = nil, whole_head: false)
  t = job['table']
  kinds = t['kind']
  heads ||= t['head']
  ws = kinds.each_with_index.map do |k, i|
    next nil if k == 'desc'
    cells = t['rows'].map { |r| r[i] }
    cells += t['cum'] if k == 'total'
    (t['sections'] || []).each { |s| cells << s['total'] } if k == 'total'
    w = cells.map { |c| pdf.width_of(c.to_s, size: size) }.max || 0
    parts = whole_head ? [heads[i].to_s] : heads[i].to_s.split(/\s+/)
    hw = parts.map { |x| pdf.width_of(x, size: size, style: :bold) }.max || 0
    [w, hw].max + 2 * pad + 2
  end
  rest = total_width - ws.compact.sum
  rest = [rest, 120].max
  ws.map { |w| w.nil? ? rest : w }
end

def head_align(job, i)
  case job['opts']['head_align']
  when 'left' then :left
  when 'center' then :center
  else job['table']['align'][i].to_sym
  end
end

def meta_value(job, key)
  m = job['meta'].find { |x| x[2] == key }
  m && m[1]
end

def footer_and_numbers(pdf, job, size: 7, color: '555555', number_at: :right, lines: job['footer'])
  # drawn in the bottom margin, below the flowing content
  pdf.repeat(:all) do
    pdf.stroke_color 'BBBBBB'
    pdf.stroke_horizontal_line 0, pdf.bounds.width, at: -6
    lines.each_with_index do |l, i|
      pdf.text_box l, at: [0, -9 - i * (size + 2)], width: pdf.bounds.width, size: size, color: color, align: :center,
                      height: size + 2, overflow: :shrink_to_fit
    end
  end
  pdf.number_pages page_text(job['page_fmt']), at: [0, -12 - lines.size * (size + 2)], width: pdf.bounds.width,
                                                align: number_at, size: size, color: color
end

# a [label, amount] table at the right edge, never split over pages, the amount column as wide as its widest value
def totals_table(pdf, rows, width, size, cell_style, extra: 0, &blk)
  pad = 12
  vw = rows.map { |r| pdf.width_of(r[1].to_s, size: size + 1, style: :bold) }.max + pad + 4
  tbl = pdf.make_table(rows, width: width, column_widths: [width - vw, vw], cell_style: { size: size }.merge(cell_style)) do |tb|
    tb.column(1).align = :right
    blk&.call(tb)
  end
  pdf.start_new_page if pdf.cursor < tbl.height + extra + 4
  pdf.bounding_box([pdf.bounds.width - width, pdf.cursor], width: width) { tbl.draw }
end

def notes_block(pdf, job, size)
  job['notes'].each { |n| pdf.text n, size: size }
  unless job['terms'].empty?
    pdf.move_down 4
    pdf.text "<b>#{job['terms_label']}:</b> #{job['terms'].join(' ')}", size: size, inline_format: true
  end
  if job['mentions']
    pdf.move_down 4
    pdf.text job['mentions'], size: size - 1
  end
end

def esc(s)
  s.to_s.gsub('&', '&amp;').gsub('<', '&lt;').gsub('>', '&gt;')
end

# --------------------------------------------------------------------------- spree-invoice
# Spree/Solidus print-invoice look: store name as the logo, "Invoice" with a key/value meta table, bill/ship
# address table, line items with a repeated coloured head row, totals table at the right, payment and footer.
def spree(job)
  o = job['opts']
  acc = o['accent']
  pdf = new_doc(job, [36, 40, 60, 40])
  size = o['size']
  w = pdf.bounds.width
  top = pdf.cursor
  store_x = o['store_right'] ? w / 2 : 0
  meta_x = o['store_right'] ? 0 : w / 2
  pdf.bounding_box([store_x, top], width: w / 2) do
    pdf.text job['supplier']['name'], size: size + 8, style: :bold, color: acc, align: o['store_right'] ? :right : :left
    (job['supplier']['lines'] + job['supplier']['contact']).each do |l|
      pdf.text l, size: size - 1, align: o['store_right'] ? :right : :left
    end
  end
  y1 = pdf.cursor
  pdf.bounding_box([meta_x, top], width: w / 2) do
    pdf.text job['title'], size: size + 10, style: :bold, align: o['store_right'] ? :left : :right
    pdf.move_down 4
    rows = job['meta'].map { |k, v, _| [k, v] }
    pdf.table(rows, position: o['store_right'] ? :left : :right, cell_style: { size: size, borders: [], padding: [1, 4] }) do
      column(0).font_style = :bold
      column(1).align = :right
    end
  end
  pdf.move_cursor_to [y1, pdf.cursor].min - 14
  # addresses
  heads = job['parties'].map { |p| p['label'] }
  bodies = job['parties'].map { |p| p['lines'].join("\n") }
  grid = o['addr_grid']
  pdf.table([heads, bodies], width: w, cell_style: { size: size, borders: grid ? %i[top bottom left right] : [], padding: [3, 5],
                                                     border_color: 'BBBBBB' }) do
    row(0).font_style = :bold
    row(0).background_color = 'EEEEEE' if grid
  end
  pdf.move_down 14
  # items
  t = job['table']
  widths = col_widths(pdf, job, w, size, 5)
  head = t['head'].each_with_index.map { |h, i| { content: h, align: head_align(job, i) } }
  data = [head] + t['rows']
  zebra = o['zebra']
  pdf.table(data, header: true, width: w, column_widths: widths,
                  cell_style: { size: size, padding: [4, 5], border_width: 0.5, border_color: 'CCCCCC',
                                borders: %i[bottom] }) do |tb|
    tb.row(0).font_style = :bold
    tb.row(0).background_color = acc
    tb.row(0).text_color = 'FFFFFF'
    t['align'].each_with_index { |a, i| tb.columns(i).rows(1..-1).align = a.to_sym }
    tb.row_colors = %w[FFFFFF F3F3F3] if zebra
    tb.row(0).background_color = acc
  end
  pdf.move_down 8
  # totals
  trows = job['totals'].map { |l, v, _st, _k| [l, v] }
  big = job['totals'].each_index.select { |i| job['totals'][i][2] == 'big' }
  totals_table(pdf, trows, [w * 0.45, 200].max, size,
               { padding: [3, 5], borders: o['totals_boxed'] ? %i[top bottom left right] : [], border_color: 'CCCCCC' }) do |tb|
    big.each do |i|
      tb.row(i).font_style = :bold
      tb.row(i).size = size + 1
    end
  end
  pdf.move_down 12
  vat_table(pdf, job, size, w * 0.6) if job['vat']
  if job['extra']['payment_method'] != job['terms_label']
    pdf.text "<b>#{job['extra']['payment_method']}:</b> #{job['extra']['by_transfer']}", size: size, inline_format: true
  end
  pdf.text "<b>#{job['bank_label']}:</b> #{job['bank'].join(' · ')}", size: size, inline_format: true
  pdf.move_down 4
  notes_block(pdf, job, size)
  pdf.move_down 8
  pdf.text job['thanks'], size: size, style: :bold
  footer_and_numbers(pdf, job)
  pdf
end

def vat_table(pdf, job, size, width)
  v = job['vat']
  pdf.text v['title'], size: size, style: :bold
  pdf.move_down 2
  data = [v['head']] + v['rows']
  pdf.table(data, cell_style: { size: size - 0.5, padding: [2, 6], border_width: 0.5, border_color: 'AAAAAA' }) do |tb|
    tb.row(0).font_style = :bold
    tb.columns(1..-1).align = :right
    tb.row(0).background_color = 'EEEEEE'
  end
  pdf.move_down 10
end

# --------------------------------------------------------------------------- printer-boxes
# invoice_printer-like: title and number at the top, provider / purchaser in rounded boxes, payment and dates
# boxes, items table, a framed totals box, labels optionally with English sub-labels (bilingual documents).
def lab(job, text, key, size)
  sub = job['sub'][key]
  sub ? "#{esc(text)}\n<font size='#{size - 2}'><color rgb='777777'>#{esc(sub)}</color></font>" : esc(text)
end

def box_pair(pdf, w, gap, radius, left, right)
  y0 = pdf.cursor
  bw = (w - gap) / 2
  hs = []
  [[0, left], [bw + gap, right]].each do |x, blk|
    pdf.bounding_box([x + 6, y0 - 6], width: bw - 12) { blk.call }
    hs << (y0 - pdf.cursor + 6)
    pdf.move_cursor_to y0
  end
  h = hs.max
  pdf.stroke_color '999999'
  pdf.stroke_rounded_rectangle([0, y0], bw, h, radius)
  pdf.stroke_rounded_rectangle([bw + gap, y0], bw, h, radius)
  pdf.move_cursor_to y0 - h - gap
end

def printer(job)
  o = job['opts']
  pdf = new_doc(job, [30, 36, 56, 36])
  size = o['size']
  w = pdf.bounds.width
  acc = o['accent']
  r = o['radius']
  top = pdf.cursor
  title = job['sub']['title'] ? "#{job['title']} / #{job['sub']['title']}" : job['title']
  pdf.text_box title, at: [0, top], width: w / 2, size: size + 10, style: :bold, color: acc
  nl = job['sub'][job['meta'][0][2]] ? "#{job['num_label']} / #{job['sub'][job['meta'][0][2]]}" : job['num_label']
  if o['title_box']
    pdf.fill_color lighten(acc, 0.85)
    pdf.fill_rounded_rectangle([w / 2, top], w / 2, 38, r)
    pdf.fill_color '000000'
  end
  pdf.text_box "#{nl}:", at: [w / 2 + 6, top - 5], width: w / 2 - 12, size: size - 0.5, align: :right, single_line: true,
                         overflow: :shrink_to_fit
  pdf.text_box job['number'], at: [w / 2 + 6, top - 8 - size], width: w / 2 - 12, size: size + 5, style: :bold, align: :right,
                              single_line: true
  pdf.move_cursor_to top - 48
  sup = job['supplier']
  c = job['parties'][0]
  box_pair(pdf, w, 10, r, lambda {
    pdf.text lab(job, job['extra']['provider'], 'provider', size), size: size, inline_format: true, color: acc
    pdf.move_down 3
    pdf.text sup['name'], size: size + 1, style: :bold
    (sup['lines'] + sup['legal']).each { |l| pdf.text l, size: size }
  }, lambda {
    pdf.text lab(job, job['extra']['purchaser'], 'bill_to', size), size: size, inline_format: true, color: acc
    pdf.move_down 3
    pdf.text c['lines'][0], size: size + 1, style: :bold
    c['lines'][1..].each { |l| pdf.text l, size: size }
    if job['parties'][1]
      pdf.move_down 3
      pdf.text "#{job['parties'][1]['label']}: #{job['parties'][1]['lines'].join(', ')}", size: size - 1
    end
  })
  box_pair(pdf, w, 10, r, lambda {
    pdf.text lab(job, job['extra']['payment'], 'payment', size), size: size, inline_format: true, color: acc
    pdf.move_down 3
    job['bank'].each { |l| pdf.text l, size: size }
    pdf.text "#{job['extra']['payment_method']}: #{job['extra']['by_transfer']}", size: size
  }, lambda {
    job['meta'][1..].each do |k, v, key|
      pdf.table([[{ content: lab(job, k, key, size), inline_format: true }, v]], width: pdf.bounds.width,
                cell_style: { size: size, borders: [], padding: [1, 0] }) { |tb| tb.column(1).align = :right }
    end
  })
  # items
  t = job['table']
  heads = t['head'].each_with_index.map do |h, i|
    s = t['sub'] ? t['sub'][i] : nil
    { content: s ? "#{esc(h)}\n<font size='#{size - 2}'><color rgb='777777'>#{esc(s)}</color></font>" : esc(h),
      inline_format: true, align: head_align(job, i) }
  end
  widths = col_widths(pdf, job, w, size, 4)
  data = [heads] + t['rows']
  pdf.table(data, header: o['repeat_head'], width: w, column_widths: widths,
                  cell_style: { size: size, padding: [3, 4], borders: %i[bottom], border_width: 0.4, border_color: 'BBBBBB' }) do |tb|
    tb.row(0).font_style = :bold
    tb.row(0).borders = %i[bottom]
    tb.row(0).border_width = 1
    tb.row(0).border_color = acc
    t['align'].each_with_index { |a, i| tb.columns(i).rows(1..-1).align = a.to_sym }
    tb.row_colors = ['FFFFFF', lighten(acc, 0.92)] if o['stripes']
  end
  pdf.move_down 10
  # totals box
  tw = [w * 0.42, 190].max
  trows = job['totals'].map { |l, v, _st, k| [{ content: lab(job, l, k, size), inline_format: true }, v] }
  big = job['totals'].each_index.select { |i| job['totals'][i][2] == 'big' }
  y0 = nil
  tbl_rows = trows
  vw = job['totals'].map { |t| pdf.width_of(t[1], size: size, style: :bold) }.max + 16
  tbl = pdf.make_table(tbl_rows, width: tw, column_widths: [tw - vw, vw], cell_style: { size: size, borders: [], padding: [2, 6] }) do |tb|
    tb.column(1).align = :right
    big.each { |i| tb.row(i).font_style = :bold }
  end
  pdf.start_new_page if pdf.cursor < tbl.height + 12
  y0 = pdf.cursor
  pdf.bounding_box([w - tw, y0], width: tw) do
    pdf.move_down 4
    tbl.draw
    pdf.move_down 4
  end
  h = y0 - pdf.cursor
  pdf.stroke_color acc
  pdf.stroke_rounded_rectangle([w - tw, y0], tw, h, r)
  pdf.move_down 12
  vat_table(pdf, job, size, w * 0.6) if job['vat']
  notes_block(pdf, job, size)
  footer_and_numbers(pdf, job, lines: [job['footer'][1]])
  pdf
end

# --------------------------------------------------------------------------- erp-carry
# ERP letter drawn with Prawn's text primitives: letterhead, window address field with a sender line, info
# block, the item table drawn row by row with decimal-aligned numbers, "carried forward" / "brought forward"
# lines at page breaks, the head repeated or not, totals, VAT summary, footer columns.
def dec_split(s, dp)
  i = s.rindex(dp)
  return [s, ''] if i.nil? || s[i + 1] !~ /\d/

  [s[0...i], s[i..]]
end

def erp(job)
  o = job['opts']
  dp = job['dp']
  pdf = new_doc(job, [28, 50, 70, 56])
  size = o['size']
  w = pdf.bounds.width
  acc = o['accent']
  sup = job['supplier']
  letter_h = pdf.bounds.height
  if o['fold_marks']
    pdf.repeat(:all) do
      pdf.stroke_color '888888'
      [105, 148.5, 210].each do |mm|
        y = pdf.bounds.top + 28 - mm * MM
        pdf.stroke_line [-40, y], [-32, y]
      end
    end
  end
  pdf.text_box sup['name'], at: [w * 0.45, pdf.cursor], width: w * 0.55, align: :right, size: size + 7, style: :bold, color: acc
  pdf.text_box (sup['lines'] + sup['contact']).join("\n"), at: [w * 0.55, pdf.cursor - 22], width: w * 0.45, align: :right,
                                                          size: size - 1, leading: 1
  # address field
  ay = pdf.bounds.top - 45 * MM + 28
  if o['sender_line']
    pdf.text_box job['sender_line'], at: [0, ay], width: 85 * MM, size: 6.5, overflow: :shrink_to_fit
    pdf.stroke_color '000000'
    pdf.stroke_horizontal_line 0, 85 * MM, at: ay - 9
  end
  pdf.text_box job['parties'][0]['lines'].join("\n"), at: [0, ay - 14], width: 85 * MM, size: size + 1, leading: 1
  # information block
  ix = w - 70 * MM
  iy = ay
  job['meta'].each do |k, v, _|
    pdf.text_box k, at: [ix, iy], width: 32 * MM, size: size - 0.5
    pdf.text_box v, at: [ix + 32 * MM, iy], width: 38 * MM, size: size - 0.5, align: :right
    iy -= size + 3
  end
  if job['parties'][1]
    iy -= 4
    pdf.text_box "#{job['parties'][1]['label']}:", at: [ix, iy], width: 70 * MM, size: size - 0.5, style: :bold
    iy -= size + 2
    pdf.text_box job['parties'][1]['lines'].join("\n"), at: [ix, iy], width: 70 * MM, size: size - 0.5
    iy -= (size + 2) * job['parties'][1]['lines'].size
  end
  pdf.move_cursor_to [ay - 40 * MM, iy - 10].min
  pdf.text "#{job['title']} #{job['number']}", size: size + 5, style: :bold
  pdf.move_down 8
  pdf.text job['letter'][0], size: size
  pdf.text job['letter'][1], size: size
  pdf.move_down 8
  # table geometry
  t = job['table']
  kinds = t['kind']
  widths = col_widths(pdf, job, w, size, 4, whole_head: true)
  xs = [0]
  widths.each { |cw| xs << xs.last + cw }
  # decimal tab per numeric column: the widest fraction part
  dec_tab = {}
  kinds.each_with_index do |k, i|
    next unless %w[qty price total disc vat].include?(k)

    cells = t['rows'].map { |r| r[i] }
    cells += t['cum'] if k == 'total'
    frac = cells.map { |c| pdf.width_of(dec_split(c, dp)[1], size: size) }.max || 0
    dec_tab[i] = xs[i + 1] - 3 - frac
  end
  draw_cell = lambda do |s, i, y, style = :normal|
    a = t['align'][i]
    if o['decimal'] && dec_tab[i] && style == :normal
      left = dec_split(s, dp)[0]
      pdf.draw_text s, at: [dec_tab[i] - pdf.width_of(left, size: size), y], size: size
    elsif a == 'right'
      pdf.draw_text s, at: [xs[i + 1] - 3 - pdf.width_of(s, size: size, style: style), y], size: size, style: style
    elsif a == 'center'
      pdf.draw_text s, at: [(xs[i] + xs[i + 1]) / 2 - pdf.width_of(s, size: size, style: style) / 2, y], size: size, style: style
    else
      pdf.draw_text s, at: [xs[i] + 3, y], size: size, style: style
    end
  end
  head_h = size + 8
  draw_head = lambda do
    y = pdf.cursor
    if o['head_style'] == 'fill'
      pdf.fill_color lighten(acc, 0.8)
      pdf.fill_rectangle [0, y], w, head_h
      pdf.fill_color '000000'
    elsif o['head_style'] == 'rules'
      pdf.stroke_color '000000'
      pdf.stroke_horizontal_line 0, w, at: y
    end
    t['head'].each_with_index do |h, i|
      ha = head_align(job, i)
      hw = pdf.width_of(h, size: size, style: :bold)
      x = ha == :right ? xs[i + 1] - 3 - hw : ha == :center ? (xs[i] + xs[i + 1] - hw) / 2 : xs[i] + 3
      pdf.draw_text h, at: [x, y - size - 2], size: size, style: :bold
    end
    pdf.stroke_color '000000'
    pdf.stroke_horizontal_line 0, w, at: y - head_h
    pdf.move_down head_h + 3
  end
  carry_line = lambda do |label, amount, above|
    y = pdf.cursor
    pdf.stroke_color '999999'
    pdf.stroke_horizontal_line xs[-2], w, at: y if above
    ti = kinds.index('total')
    pdf.draw_text label, at: [xs[ti] - 8 - pdf.width_of(label, size: size, style: :bold), y - size - 1], size: size, style: :bold
    draw_cell.call(amount, ti, y - size - 1, :bold)
    pdf.move_down size + 6
  end
  draw_head.call
  di = kinds.index('desc')
  page = 1
  bottom = 6
  t['rows'].each_with_index do |row, r|
    dh = pdf.height_of(row[di], width: widths[di] - 6, size: size)
    rh = [dh, size].max + 5
    reserve = o['carry'] ? size + 10 : 0
    if pdf.cursor - rh < bottom + reserve
      carry_line.call(job['extra']['carried'], t['cum'][r - 1], true) if o['carry'] && r > 0
      pdf.start_new_page
      page += 1
      pdf.text "#{job['title']} #{job['number']} – #{job['cont']}", size: size - 1, color: '555555'
      pdf.move_down 6
      draw_head.call if o['repeat_head']
      carry_line.call(job['extra']['brought'].gsub('{p}', (page - 1).to_s), t['cum'][r - 1], false) if o['carry'] && r > 0
    end
    y = pdf.cursor
    row.each_with_index do |cell, i|
      if i == di
        pdf.text_box cell, at: [xs[i] + 3, y], width: widths[i] - 6, size: size
      else
        draw_cell.call(cell, i, y - size + 1.5)
      end
    end
    pdf.move_down rh
  end
  pdf.stroke_color '000000'
  pdf.stroke_horizontal_line 0, w, at: pdf.cursor
  pdf.move_down 6
  # totals: labels left of the total column, amounts decimal-aligned on it
  ti = kinds.index('total')
  lx = w * 0.45
  pdf.start_new_page if pdf.cursor < bottom + job['totals'].size * (size + 6) + 10
  job['totals'].each do |l, v, st, _|
    style = st == '' ? :normal : :bold
    y = pdf.cursor - size
    pdf.draw_text l, at: [lx, y], size: size, style: style
    if o['decimal'] && dec_tab[ti]
      left = dec_split(v, dp)[0]
      pdf.draw_text v, at: [dec_tab[ti] - pdf.width_of(left, size: size, style: style), y], size: size, style: style
    else
      pdf.draw_text v, at: [w - 3 - pdf.width_of(v, size: size, style: style), y], size: size, style: style
    end
    if st == 'big'
      pdf.stroke_horizontal_line lx, w, at: y - 3
      pdf.stroke_horizontal_line lx, w, at: y - 5
    end
    pdf.move_down size + 6
  end
  pdf.move_down 10
  vat_table(pdf, job, size, w * 0.6) if job['vat']
  notes_block(pdf, job, size)
  pdf.move_down 4
  pdf.text "#{job['bank_label']}: #{job['bank'].join(', ')}", size: size
  pdf.move_down 8
  pdf.text job['letter'][2], size: size
  # footer columns
  cols = [[sup['name']] + sup['lines'], sup['contact'], [job['bank_label']] + job['bank'], sup['legal']]
  pdf.repeat(:all) do
    cw = w / 4.0
    pdf.stroke_color '999999'
    pdf.stroke_horizontal_line 0, w, at: -8
    cols.each_with_index do |lines, i|
      pdf.text_box lines.join("\n"), at: [i * cw, -12], width: cw - 4, size: 6, overflow: :shrink_to_fit, height: 44
    end
  end
  pdf.number_pages page_text(job['page_fmt']), at: [0, pdf.bounds.top + 16], width: w, align: :right, size: 7
  pdf
end

# --------------------------------------------------------------------------- cashcarry-codes
# cash & carry / wholesale ticket-invoice: branch band, centred title, customer card and till line, a gridded
# item table with a VAT code letter per line and a repeated head, the VAT analysis by code and a totals box.
def cashcarry(job)
  o = job['opts']
  pdf = new_doc(job, [30, 30, 50, 30])
  size = o['size']
  w = pdf.bounds.width
  acc = o['accent']
  sup = job['supplier']
  pdf.fill_color acc
  pdf.fill_rectangle [0, pdf.cursor], w, 34
  pdf.fill_color 'FFFFFF'
  pdf.text_box sup['name'], at: [8, pdf.cursor - 6], width: w * 0.6, size: size + 6, style: :bold
  pdf.text_box "#{sup['lines'].join(', ')}\n#{sup['contact'][0]}", at: [w * 0.55, pdf.cursor - 5], width: w * 0.45 - 8,
                                                                   size: size - 1.5, align: :right
  pdf.fill_color '000000'
  pdf.move_down 44
  pdf.text job['title'], size: size + 6, style: :bold, align: :center
  pdf.text sup['legal'].join(' · '), size: size - 1.5, align: :center
  pdf.move_down 8
  y0 = pdf.cursor
  pdf.bounding_box([0, y0], width: w / 2 - 10) do
    job['parties'].each do |p|
      pdf.text p['label'], size: size - 1, style: :bold
      pdf.text p['lines'].join("\n"), size: size
      pdf.move_down 4
    end
  end
  y1 = pdf.cursor
  pdf.bounding_box([w / 2, y0], width: w / 2) do
    rows = job['meta'].map { |k, v, _| [k, v] }
    pdf.table(rows, width: w / 2, cell_style: { size: size, padding: [2, 4], border_width: 0.5 }) do
      column(0).font_style = :bold
      column(0).background_color = 'F0F0F0'
    end
    if o['till_line']
      pdf.move_down 3
      pdf.text job['extra']['till'], size: size - 1.5, align: :right
    end
  end
  pdf.move_cursor_to [y1, pdf.cursor].min - 10
  t = job['table']
  widths = col_widths(pdf, job, w, size, 4)
  head = t['head'].each_with_index.map { |h, i| { content: h, align: head_align(job, i) } }
  grid = o['grid']
  pdf.table([head] + t['rows'], header: true, width: w, column_widths: widths,
                                cell_style: { size: size, padding: [2.5, 4], border_width: 0.5, border_color: '777777',
                                              borders: grid ? %i[top bottom left right] : %i[bottom] }) do |tb|
    tb.row(0).font_style = :bold
    tb.row(0).background_color = 'DDDDDD'
    tb.row(0).borders = %i[top bottom left right]
    t['align'].each_with_index { |a, i| tb.columns(i).rows(1..-1).align = a.to_sym }
  end
  pdf.move_down 10
  need = 30 + [job['totals'].size, (job['vat'] ? job['vat']['rows'].size + 2 : 0)].max * (size + 8)
  pdf.start_new_page if pdf.cursor < need
  y0 = pdf.cursor
  if job['vat']
    pdf.bounding_box([0, y0], width: w * 0.55) { vat_table(pdf, job, size, w * 0.55) }
  end
  y1 = pdf.cursor
  tw = w * 0.4
  pdf.move_cursor_to y0
  rows = job['totals'].map { |l, v, _st, _k| [l, v] }
  big = job['totals'].each_index.select { |i| job['totals'][i][2] == 'big' }
  totals_table(pdf, rows, tw, size, { padding: [3, 5], border_width: 0.5 }) do |tb|
    big.each do |i|
      tb.row(i).font_style = :bold
      tb.row(i).background_color = 'DDDDDD'
    end
  end
  pdf.move_cursor_to [y1, pdf.cursor].min - 10
  notes_block(pdf, job, size)
  pdf.text "#{job['bank_label']}: #{job['bank'].join(' · ')}", size: size - 1
  footer_and_numbers(pdf, job, number_at: :center, lines: [job['footer'][0]])
  pdf
end

# --------------------------------------------------------------------------- service-sections
# field-service / maintenance app invoice: company block and meta side by side, customer and service address,
# items grouped in sections (labour, parts, call-out) with a section head row and a section subtotal row.
def service(job)
  o = job['opts']
  pdf = new_doc(job, [36, 42, 60, 42])
  size = o['size']
  w = pdf.bounds.width
  acc = o['accent']
  sup = job['supplier']
  top = pdf.cursor
  pdf.text sup['name'], size: size + 6, style: :bold, color: acc
  pdf.text (sup['lines'] + [sup['contact'][0..1].join(' · ')]).join("\n"), size: size - 1
  pdf.text sup['legal'].join(' · '), size: size - 1.5, color: '555555'
  y1 = pdf.cursor
  if o['side_meta']
    pdf.bounding_box([w * 0.6, top], width: w * 0.4) do
      pdf.text job['title'], size: size + 8, style: :bold, align: :right
      job['meta'].each do |k, v, _|
        pdf.text "#{esc(k)}: <b>#{esc(v)}</b>", size: size, align: :right, inline_format: true
      end
    end
    pdf.move_cursor_to [y1, pdf.cursor].min - 12
  else
    pdf.move_down 10
    pdf.text job['title'], size: size + 8, style: :bold
    cells = job['meta'].map { |k, v, _| "#{esc(k)}\n<b>#{esc(v)}</b>" }
    pdf.table([cells], width: w, cell_style: { size: size - 0.5, inline_format: true, border_width: 0.5, border_color: 'AAAAAA',
                                               padding: [2, 4] })
    pdf.move_down 10
  end
  y0 = pdf.cursor
  job['parties'].each_with_index do |p, i|
    pdf.bounding_box([i * w / 2, y0], width: w / 2 - 10) do
      pdf.text p['label'], size: size - 1, style: :bold, color: acc
      pdf.text p['lines'].join("\n"), size: size
    end
    y1 = pdf.cursor if i.zero? || pdf.cursor < y1
  end
  pdf.move_down 12
  t = job['table']
  n = t['kind'].size
  ti = t['kind'].index('total')
  widths = col_widths(pdf, job, w, size, 4)
  head = t['head'].each_with_index.map { |h, i| { content: h, align: head_align(job, i) } }
  data = [head]
  styles = []
  t['sections'].each do |sec|
    data << [{ content: sec['title'], colspan: n, font_style: :bold, background_color: lighten(acc, 0.85) }]
    (sec['first']..sec['last']).each do |r|
      data << t['rows'][r].each_with_index.map { |c, i| { content: c, align: t['align'][i].to_sym } }
    end
    next unless o['section_totals']

    row = []
    row << { content: sec['total_label'], colspan: ti, align: :right, font_style: :bold } if ti.positive?
    row << { content: sec['total'], align: :right, font_style: :bold }
    row << { content: '', colspan: n - ti - 1 } if ti < n - 1
    data << row
  end
  pdf.table(data, header: true, width: w, column_widths: widths,
                  cell_style: { size: size, padding: [3, 4], borders: %i[bottom], border_width: 0.4, border_color: 'BBBBBB' }) do |tb|
    tb.row(0).font_style = :bold
    tb.row(0).borders = %i[top bottom]
    tb.row(0).border_width = 1
  end
  pdf.move_down 10
  rows = job['totals'].map { |l, v, _st, _k| [l, v] }
  big = job['totals'].each_index.select { |i| job['totals'][i][2] == 'big' }
  totals_table(pdf, rows, [w * 0.45, 200].max, size, { padding: [2, 4], borders: [] }) do |tb|
    big.each do |i|
      tb.row(i).font_style = :bold
      tb.row(i).borders = %i[top]
    end
  end
  pdf.move_down 10
  vat_table(pdf, job, size, w * 0.6) if job['vat']
  notes_block(pdf, job, size)
  pdf.text "#{job['bank_label']}: #{job['bank'].join(' · ')}", size: size - 0.5
  pdf.move_down 6
  pdf.text job['thanks'], size: size
  footer_and_numbers(pdf, job, number_at: :right)
  pdf
end

LAYOUTS = {
  'spree-invoice' => method(:spree), 'printer-boxes' => method(:printer), 'erp-carry' => method(:erp),
  'cashcarry-codes' => method(:cashcarry), 'service-sections' => method(:service)
}.freeze

require 'time'
jobs = JSON.parse(File.read(ARGV[0]))
jobs.each do |job|
  pdf = LAYOUTS.fetch(job['family']).call(job)
  pdf.render_file job['out']
rescue StandardError => e
  warn "#{job['id']}: #{e.class}: #{e.message}\n#{e.backtrace.first(5).join("\n")}"
  exit 1
end
