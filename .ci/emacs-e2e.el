;;; emacs-e2e.el --- errcodevet lsp in Emacs with Eglot, end to end -*- lexical-binding: t -*-

;; Run by .ci/emacs.sh after the configuration of docs/editors.md:
;;
;;   emacs --batch -l config.el -l emacs-e2e.el   (E2E_FILE=api/api.go)
;;
;; It visits the file as a user would (go-mode, whose hook starts Eglot),
;; waits for errcodevet's diagnostics in Flymake, asks for the code actions
;; at the first finding (M-x eglot-code-actions) and picks the only one,
;; saves the file and waits for the diagnostics of the fixed text. Any
;; failure exits non-zero.
;;
;; Batch Emacs has no command loop: where an interactive Emacs would run
;; `post-command-hook' after a command (Eglot connects from it, Flymake
;; starts from it), the test runs the hook itself.

(require 'cl-lib)
(require 'subr-x)

(defconst e2e-timeout 120 "Seconds; a cold analysis type-checks the runtime.")

(defun e2e-log (fmt &rest args)
  (message "e2e: %s" (apply #'format fmt args)))

(defun e2e-check (cond fmt &rest args)
  (unless cond (error "%s" (apply #'format fmt args))))

(defun e2e-wait (what pred)
  (let ((deadline (+ (float-time) e2e-timeout)))
    (while (not (funcall pred))
      (when (> (float-time) deadline)
        (error "timed out waiting for %s" what))
      (run-hooks 'post-command-hook)
      (accept-process-output nil 0.05))))

(defun e2e-lsp (diag)
  "The LSP diagnostic Eglot made the Flymake diagnostic DIAG from."
  (cdr (assq 'eglot-lsp-diag (flymake-diagnostic-data diag))))

(defun e2e-describe (diags)
  (mapconcat (lambda (d)
               (format "%d: %s" (line-number-at-pos (flymake-diagnostic-beg d))
                       (flymake-diagnostic-text d)))
             diags "; "))

(defun e2e-errcodevet-diagnostics ()
  (cl-remove-if-not (lambda (d) (equal (plist-get (e2e-lsp d) :source) "errcodevet"))
                    (flymake-diagnostics)))

(defun e2e-run ()
  (let* ((file (getenv "E2E_FILE"))
         (buf (find-file file)))
    (set-buffer buf)
    (e2e-check (eq major-mode 'go-mode) "major mode is %s, want go-mode" major-mode)
    (e2e-wait "Eglot to connect" (lambda () (bound-and-true-p eglot--managed-mode)))
    (let ((server (eglot-current-server)))
      (e2e-check (equal (process-command (jsonrpc--process server)) '("errcodevet" "lsp"))
                 "server command %S" (process-command (jsonrpc--process server))))
    (e2e-wait "two diagnostics" (lambda () (= (length (e2e-errcodevet-diagnostics)) 2)))
    (let* ((diags (e2e-errcodevet-diagnostics))
           (d (cl-find-if (lambda (d) (string-match-p "42001" (flymake-diagnostic-text d))) diags))
           (lsp (and d (e2e-lsp d))))
      (e2e-log "diagnostics: %s" (e2e-describe diags))
      (e2e-check d "no diagnostic for 42001")
      ;; Eglot shows the check ID after the source: "errcodevet [magic-code]: ...".
      (e2e-check (string-prefix-p "errcodevet [magic-code]: errcode 42001 " (flymake-diagnostic-text d))
                 "text %S" (flymake-diagnostic-text d))
      (e2e-check (eq (flymake-diagnostic-type d) 'eglot-warning) "type %s" (flymake-diagnostic-type d))
      (e2e-check (equal (plist-get lsp :code) "magic-code") "code %S" (plist-get lsp :code))
      (let ((href (plist-get (plist-get lsp :codeDescription) :href)))
        (e2e-check (and href (string-suffix-p "#magic-code" href)) "codeDescription.href %S" href))
      ;; The line holds an accented letter and an emoji before the literal:
      ;; Eglot converts the UTF-16 column to a buffer position.
      (let ((text (buffer-substring-no-properties (flymake-diagnostic-beg d) (flymake-diagnostic-end d))))
        (e2e-check (equal text "42001") "diagnostic range covers %S" text))

      ;; The quick fix, at point, as a user asks for it: M-x
      ;; eglot-code-actions from the keyboard, and the one action picked.
      (goto-char (flymake-diagnostic-beg d))
      (let (titles)
        (cl-letf (((symbol-function 'completing-read)
                   (lambda (_prompt collection &rest _)
                     (setq titles (mapcar #'car collection))
                     (car titles))))
          (let ((last-nonmenu-event ?\r))
            (call-interactively #'eglot-code-actions)))
        (e2e-log "code actions: %s" (string-join titles "; "))
        (e2e-check (equal titles '("Use wechat.AccessTokenExpired instead of 42001"))
                   "code actions %S" titles)))
    (e2e-check (save-excursion (goto-char (point-min)) (search-forward "wechat.AccessTokenExpired" nil t))
               "the edit was not applied")
    (save-buffer)

    ;; The other finding remains, at its place in the edited text.
    (e2e-wait "the diagnostics of the fixed text"
              (lambda ()
                (let ((now (e2e-errcodevet-diagnostics)))
                  (and (= (length now) 1) (string-match-p "40001" (flymake-diagnostic-text (car now)))))))
    (e2e-log "after the fix: %s" (e2e-describe (e2e-errcodevet-diagnostics)))))

(condition-case err
    (progn (e2e-run) (e2e-log "ok") (kill-emacs 0))
  (error (e2e-log "FAIL: %s" (error-message-string err)) (kill-emacs 1)))
