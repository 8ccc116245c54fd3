package parc.ui.deployment;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import parc.orchestrator.deployment.DeploymentReport;

/**
 * A deployment report as CSV: one row per category and phase, machines and percentage of
 * all, as Pulse 2's report lists them. The header names are stable for spreadsheets.
 */
final class DeploymentReportCsv {

	static final String[] HEADER = { "category", "phase", "machines", "percent" };

	private DeploymentReportCsv() {
	}

	/** The CSV as an attachment named after the deployment. */
	static org.springframework.http.ResponseEntity<String> download(long deploymentId, DeploymentReport report) {
		return org.springframework.http.ResponseEntity.ok()
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"deployment-" + deploymentId + "-report.csv\"")
			.contentType(new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.body(of(report));
	}

	static String of(DeploymentReport report) {
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
			printer.printRecord("MACHINES", "", report.machines(), "100.0");
			for (DeploymentReport.Row row : report.rows()) {
				printer.printRecord(row.category(), (row.phase() != null) ? row.phase() : "", row.count(),
						String.format(Locale.ROOT, "%.1f", row.percent()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

}
