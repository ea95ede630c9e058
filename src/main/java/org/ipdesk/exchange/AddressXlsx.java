package org.ipdesk.exchange;

import java.io.IOException;
import java.io.OutputStream;
import org.dhatim.fastexcel.Workbook;
import org.ipdesk.report.ExportMonitor;
import org.ipdesk.report.SpreadsheetText;
import org.ipdesk.report.XlsxSheets;

/**
 * An address list as a workbook with one sheet "Addresses" (columns {@link AddressList#HEADERS}); times as
 * spreadsheet dates (UTC); text cells {@linkplain SpreadsheetText#neutralise neutralised}.
 */
public final class AddressXlsx {
    public void write(AddressList list, OutputStream out, ExportMonitor monitor) throws IOException {
        Workbook workbook = XlsxSheets.workbook(out);
        XlsxSheets.table(workbook, "Addresses", AddressList.HEADERS,
                list.entries().stream().map(list::cells).toList(), monitor, 0, list.entries().size());
        workbook.finish();
    }
}
