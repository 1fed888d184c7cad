/*
 * Autosave and the editor form's own buttons take turns.
 *
 * Wagtail 8.0's "w-unsaved" controller compares the form's data every 500 ms and its
 * "w-autosave" controller posts the whole form (debounced) whenever the data changed,
 * also while the form itself is being submitted:
 *
 * - "Godkänn och publicera" and the other workflow buttons add hidden inputs to the form
 *   just before it is sent, which the next comparison reads as an edit: about a second
 *   later an autosave posted the form again, racing the approval on the server.
 * - A button pressed while an autosave was on its way sent the form without the ids the
 *   autosave had just given new inline rows (speakers): they were saved twice.
 *
 * So: an autosave waiting for its turn is cancelled when the form is sent; a form sent
 * while an autosave is on its way waits for its answer (whose field updates carry the new
 * ids) and is then sent as the person sent it; nothing is autosaved after that, and an
 * autosave never carries a button's action.
 */
(() => {
  const ACTION = /^(action-|workflow-action-)/;
  let submitting = false;
  let inFlight = 0;
  let heldSubmit = null;
  const waiting = new Set();

  const isAutosaveRequest = (init) =>
    init &&
    String(init.method || '').toUpperCase() === 'POST' &&
    init.headers &&
    init.headers.Accept === 'application/json';

  const originalFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    if (isAutosaveRequest(init)) inFlight += 1;
    return originalFetch(input, init);
  };

  function cancelWaiting() {
    waiting.forEach((event) => event.preventDefault());
    waiting.clear();
  }

  function stop(form) {
    submitting = true;
    cancelWaiting();
    if (form) form.setAttribute('data-w-autosave-active-value', 'false');
  }

  function settled() {
    inFlight = Math.max(0, inFlight - 1);
    if (inFlight === 0 && heldSubmit) {
      const { form, submitter } = heldSubmit;
      heldSubmit = null;
      form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
    }
  }

  const isEditForm = (form) => form instanceof HTMLFormElement && form.matches('[data-edit-form]');

  // Capture phase, before the form's own handlers: hold a submit while an autosave is
  // on its way.
  window.addEventListener(
    'submit',
    (event) => {
      if (!isEditForm(event.target)) return;
      cancelWaiting();
      if (inFlight > 0) {
        event.preventDefault();
        event.stopImmediatePropagation();
        heldSubmit = { form: event.target, submitter: event.submitter };
      }
    },
    true,
  );

  // Bubbling phase, after the form's own handlers: a submit nobody cancelled ends
  // autosaving for this page.
  window.addEventListener('submit', (event) => {
    if (!event.defaultPrevented && isEditForm(event.target)) stop(event.target);
  });

  document.addEventListener(
    'w-autosave:save',
    (event) => {
      const formData = event.detail && event.detail.formData;
      const carriesAction = formData && [...formData.keys()].some((key) => ACTION.test(key));
      if (submitting || heldSubmit || carriesAction) {
        event.preventDefault();
        return;
      }
      // Debounced: the post happens later, and is cancelled if the form is sent first.
      waiting.add(event);
    },
    true,
  );
  document.addEventListener('w-autosave:success', settled, true);
  document.addEventListener('w-autosave:error', settled, true);
})();
