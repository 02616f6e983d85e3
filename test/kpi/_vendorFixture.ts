// A vendor-style export with the national portal's field names, and the clean CSV of the same dossiers.

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A vendor export with the portal's field names, and the clean CSV of the same dossiers. */
export function dvcqgFixture(): { vendor: string; clean: string; rows: number; bad: number } {
  const head = 'MaHoSo,MaTTHC,MaLinhVuc,DonViXuLy,CapThucHien,KenhThucHien,NgayNopHoSo,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,TrangThaiHoSo,PhiLePhi,HoSoSoHoa,ThanhToanTrucTuyen,DaDongBo';
  const clean = ['id,procedureCode,field,agency,level,channel,receivedOn,dueOn,finishedOn,finishedAs,returnedOn,feeDue,digitised,paidOnline,synced'];
  const vendor = [head];
  const fields = ['Hộ tịch', 'Chứng thực', 'Đất đai'];
  const levels: [string, string][] = [['Cấp xã', 'commune'], ['Cấp tỉnh', 'province'], ['Cấp huyện', 'district']];
  const channels: [string, string][] = [['1', 'direct'], ['2', 'online'], ['3', 'postal']];
  let bad = 0;
  const n = 240;
  for (let i = 0; i < n; i++) {
    const day = 1 + (i % 24);
    const mo = 1 + (i % 4);
    const rec = `2024-${pad(mo)}-${pad(day)}`;
    const due = `2024-${pad(mo)}-${pad(day + 1)}`;
    const st = [2, 4, 7, 8, 9, 10, 9, 9][i % 8]!;
    const endDay = day + (i % 3);
    const end = st === 2 || st === 4 ? '' : `2024-${pad(mo)}-${pad(endDay)}`;
    const ret = st === 10 || (st === 9 && i % 2 === 0) ? `2024-${pad(mo)}-${pad(endDay + 1)}` : '';
    const ends = st === 10 ? ret : end; // status 10 has no end of processing in this export
    const kind = st === 7 ? 'withdrawn' : st === 8 ? 'stopped' : st === 9 || st === 10 ? 'resolved' : '';
    const [lvVi, lv] = levels[i % 3]!;
    const [chCode, ch] = channels[i % 3]!;
    const fee = i % 5 === 0 ? '50.000' : '0';
    const dmy = (iso: string, time: string) => (iso ? `${iso.slice(8)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${time}` : '');
    vendor.push([`000.00.12.H23-${i}`, '1.001193', fields[i % 3], `UBND ${lvVi}`, lvVi, chCode, dmy(rec, '07:10:00'), dmy(rec, '08:15:30'), dmy(due, '17:00:00'), st === 10 ? '' : dmy(end, '23:59:59'), dmy(ret, '09:00:00'), String(st), fee, i % 2 ? 'Có' : 'Không', i % 7 ? 'Không' : 'Có', 'Có'].join(','));
    clean.push([`000.00.12.H23-${i}`, '1.001193', fields[i % 3], `UBND ${lvVi}`, lv, ch, rec, due, ends, kind, ret, fee === '0' ? 'false' : 'true', i % 2 ? 'true' : 'false', i % 7 ? 'false' : 'true', 'true'].join(','));
    if (i % 50 === 3) {
      bad++;
      vendor.push(`000.00.12.H23-X${i},1.001193,Hộ tịch,UBND Cấp xã,Cấp xã,2,,31/02/2024 08:00:00,05/03/2024 17:00:00,,,2,0,Có,Không,Có`);
    }
  }
  return { vendor: `${vendor.join('\r\n')}\r\n`, clean: `${clean.join('\n')}\n`, rows: n + bad, bad };
}

