/* Ribbon commands. The Home-tab button opens the task pane through the manifest (ShowTaskpane),
   so no function command is needed yet; this page registers with Office so that the ribbon's
   FunctionFile loads cleanly. */
Office.onReady(() => {
  // Nothing to register: the only command is the task pane button.
});
