package parc.ui.processdesign;

import org.springframework.http.ContentDisposition;

/** How a downloaded version is named: the key and version, safe as a file name. */
final class BpmnDownload {

	private BpmnDownload() {
	}

	static String contentDisposition(String key, int version) {
		String safeKey = key.replaceAll("[^A-Za-z0-9._-]", "_");
		return ContentDisposition.attachment().filename(safeKey + "-v" + version + ".bpmn").build().toString();
	}

}
