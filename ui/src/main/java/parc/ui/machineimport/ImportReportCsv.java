package parc.ui.machineimport;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import parc.orchestrator.machineimport.MachineImport;
import parc.orchestrator.machineimport.MachineImportService;
import parc.ui.inventory.InventoryCsv;

/**
 * An import's report as CSV: one line per row of the file with its outcome. Names come
 * from the imported file: cells a spreadsheet would run as a formula get a leading quote.
 */
final class ImportReportCsv {

	private ImportReportCsv() {
	}

	static void download(MachineImportService imports, long id, HttpServletResponse response) throws IOException {
		MachineImport run = imports.get(id);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"machine-import-" + run.id() + ".csv\"");
		try (CSVPrinter printer = new CSVPrinter(
				new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
			printer.printRecord("line", "name", "outcome", "reason", "machineId");
			imports.eachRow(id, (row) -> {
				try {
					printer.printRecord(row.line(), safe(row.name()), row.outcome(), safe(row.reason()),
							(row.machineId() != null) ? row.machineId() : "");
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

	private static String safe(String value) {
		return (value != null) ? InventoryCsv.safe(value) : "";
	}

}
