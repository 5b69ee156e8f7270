// Drafts: every named field inside an element with data-draft-key is saved to localStorage as it
// is typed, in the browser, so nothing is lost to a reload or a dropped server connection.
window.factcheck = window.factcheck || {};
window.factcheck.drafts = (function () {
    function save(form) {
        const key = form.getAttribute('data-draft-key');
        if (!key) return;
        const fields = {};
        let any = false;
        form.querySelectorAll('[name]').forEach(function (el) {
            if (el.type === 'hidden' && !el.value) return;
            fields[el.name] = el.value;
            if (el.value && el.type !== 'hidden' && el.tagName !== 'SELECT') any = true;
        });
        try {
            if (any) localStorage.setItem(key, JSON.stringify({ savedAt: Date.now(), fields: fields }));
            else localStorage.removeItem(key);
        } catch (e) { /* storage full or disabled: nothing more we can do here */ }
    }

    function onEdit(event) {
        const form = event.target.closest && event.target.closest('[data-draft-key]');
        if (form) save(form);
    }

    document.addEventListener('input', onEdit, true);
    document.addEventListener('change', onEdit, true);

    return {
        load: function (key) {
            try {
                const raw = localStorage.getItem(key);
                return raw ? JSON.parse(raw).fields : null;
            } catch (e) { return null; }
        },
        clear: function (key) { localStorage.removeItem(key); }
    };
})();

window.factcheck.markInteractive = function () { document.body.setAttribute('data-interactive', 'true'); };

// Text selection in an article: reports the selection as offsets into the article's text, which
// every rendered piece of it carries as data-at (its first character's offset).
window.factcheck.selection = (function () {
    function offsetOf(root, node, offset) {
        const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
        const piece = el && el.closest('[data-at]');
        if (!piece || !root.contains(piece)) return null;
        if (node.nodeType !== Node.TEXT_NODE) return Number(piece.getAttribute('data-at')) + (offset > 0 ? piece.textContent.length : 0);
        return Number(piece.getAttribute('data-at')) + offset;
    }

    return {
        watch: function (root, dotnet) {
            if (!root || root.getAttribute('data-selection-watched')) return;
            root.setAttribute('data-selection-watched', 'true');
            function report() {
                const selection = window.getSelection();
                if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
                const range = selection.getRangeAt(0);
                if (!root.contains(range.commonAncestorContainer)) return;
                const start = offsetOf(root, range.startContainer, range.startOffset);
                const end = offsetOf(root, range.endContainer, range.endOffset);
                if (start === null || end === null || end <= start) return;
                dotnet.invokeMethodAsync('Selected', start, end, selection.toString());
            }
            root.addEventListener('mouseup', report);
            root.addEventListener('keyup', report);
            root.addEventListener('touchend', report);
        }
    };
})();
