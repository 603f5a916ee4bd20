import ExcelJS from 'exceljs';
import type { Kpi } from './kpi';

/**
 * The monthly report as an Excel workbook: the KPI summary, each breakdown, the trend and the to-do
 * list, one sheet each, with bold headers and frozen header rows.
 */
export async function monthlyReportXlsx(input: { provinceName: string; month: string; kpi: Kpi; communeNames: Record<string, string>; groupNames: Record<string, string> }): Promise<Buffer> {
  const { kpi } = input;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Chợ Phiên';
  workbook.created = new Date();
  const sheet = (name: string, header: string[], rows: Array<Array<string | number>>) => {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(header).font = { bold: true };
    for (const row of rows) ws.addRow(row);
    ws.columns.forEach((column) => {
      column.width = 22;
    });
  };
  sheet('Tổng hợp', ['Chỉ tiêu', 'Giá trị'], [
    ['Tỉnh', input.provinceName],
    ['Tháng báo cáo', input.month],
    ['Sản phẩm OCOP còn hiệu lực trong sổ', kpi.total],
    ['Đang bán trên Chợ Phiên', kpi.online],
    ['Tỷ lệ trực tuyến (%)', kpi.percent],
    ['Mục tiêu (%)', 100],
    ['Sắp hết hạn trong 90 ngày', kpi.expiringSoon.length],
    ['Hết hạn nhưng vẫn đang bán', kpi.expiredButListed.length],
    ['Đang bán, nhận OCOP, chưa có trong sổ', kpi.listedNotInRegister.length],
  ]);
  const breakdownRows = (rows: Kpi['byStars'], name: (key: string) => string) => rows.map((b) => [name(b.key), b.total, b.online, b.percent]);
  sheet('Theo hạng sao', ['Hạng sao', 'Trong sổ', 'Trực tuyến', 'Tỷ lệ (%)'], breakdownRows(kpi.byStars, (k) => `${k} sao`));
  sheet('Theo nhóm', ['Nhóm sản phẩm', 'Trong sổ', 'Trực tuyến', 'Tỷ lệ (%)'], breakdownRows(kpi.byGroup, (k) => input.groupNames[k] ?? k));
  sheet('Theo xã', ['Xã, phường', 'Trong sổ', 'Trực tuyến', 'Tỷ lệ (%)'], breakdownRows(kpi.byCommune, (k) => input.communeNames[k] ?? (k || '—')));
  sheet('Diễn biến', ['Tháng', 'Trong sổ', 'Trực tuyến', 'Tỷ lệ (%)'], kpi.trend.map((t) => [t.month, t.total, t.online, t.percent]));
  sheet('Việc cần làm', ['Sản phẩm', 'Chủ thể', 'Xã, phường', 'Hạng sao', 'Hết hạn'], kpi.todo.map((e) => [e.productName, e.producer, input.communeNames[e.communeCode ?? ''] ?? '', e.stars, e.expiresOn]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
