/**
 * The source of the Form's custom field (Auth0 Forms "custom field component": a function that gets
 * the field's `context` and returns its handlers). Plain ES2017 in a string, because Auth0 stores
 * and runs it as it is. What it does:
 *
 * - `init()` returns an empty container at once and loads the single-file `<assent-terms>` with a
 *   `<script type="module" integrity crossorigin>` it inserts itself. Auth0's own `getScripts()`
 *   is not used: it loads classic scripts without Subresource Integrity, and the build is an ES
 *   module whose hash is pinned.
 * - Once the element is defined it shows the policy (the `policy` param) in the Action's locale
 *   (`{{vars.locale}}`) and hides the Legal fields it replaces (the `fallback` param), each with the
 *   wrapper that holds only that field (`hidden`, and `display: none` through the CSSOM, which a
 *   CSP allows, since a page's own `display` rule would win over `hidden`). If the script cannot load (blocked, offline, wrong hash)
 *   nothing is hidden: the Legal fields answer, as they do on a page without script.
 * - `getValue()` returns the element's decision (`{ policy, version, purposes, locale, hash }`,
 *   which the Action proves again), refuses with the element's own localized message while the
 *   required box is unticked, and returns null when the element never loaded.
 */
export const CUSTOM_FIELD_CODE = `function assentTerms(context) {
  var root = document.createElement('div');
  var element = null;
  var params = {};
  function hideFallback() {
    (params.fallback || '').split(',').forEach(function (id) {
      var inputs = id ? document.getElementsByName(id) : [];
      for (var i = 0; i < inputs.length; i++) {
        var box = inputs[i];
        while (box.parentElement && box.parentElement.querySelectorAll('input, select, textarea, button, assent-terms').length === 1) box = box.parentElement;
        box.hidden = true;
        box.style.display = 'none';
      }
    });
  }
  function load() {
    if (window.customElements.get('assent-terms')) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.type = 'module';
      script.src = params.script_url;
      script.integrity = params.integrity;
      script.crossOrigin = 'anonymous';
      script.onerror = reject;
      document.head.appendChild(script);
      window.customElements.whenDefined('assent-terms').then(resolve);
    });
  }
  return {
    init: function () {
      params = context.custom.getParams();
      load().then(function () {
        var terms = document.createElement('assent-terms');
        terms.lang = params.locale || 'en';
        terms.policy = JSON.parse(params.policy);
        root.appendChild(terms);
        element = terms;
        hideFallback();
      }, function () {});
      return root;
    },
    getValue: function () {
      if (!element) return null;
      var decision = element.decision;
      if (!decision) {
        element.reportValidity();
        throw new Error(element.validationMessage || 'Please accept the terms to continue.');
      }
      return { policy: decision.policy, version: decision.version, purposes: decision.purposes.slice(), locale: decision.locale, hash: decision.hash };
    },
    block: function () { if (element) element.disabled = true; },
    unblock: function () { if (element) element.disabled = false; }
  };
}`;
