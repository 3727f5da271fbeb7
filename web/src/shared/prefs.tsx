import { App as AntApp, ConfigProvider, theme as antTheme, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from './api';
import { nonceScriptStyles, pageNonce } from './csp';

const nonce = pageNonce();
if (nonce) nonceScriptStyles(nonce);

/** The two interface languages; Chinese first. */
export type Locale = 'zh-CN' | 'en-US';

/** What a person chose for how the apps look: language and the large-text, high-contrast mode (适老化). */
export interface Prefs {
  locale: Locale;
  setLocale(locale: Locale): void;
  largeText: boolean;
  setLargeText(on: boolean): void;
}

const PrefsContext = createContext<Prefs | null>(null);

const LOCALE_KEY = 'mz.locale';
const LARGE_TEXT_KEY = 'mz.largeText';

/** System CJK fonts first, so Chinese renders without downloading a font. */
export const FONT_STACK = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", -apple-system, "Segoe UI", Roboto, sans-serif';

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

function themeFor(largeText: boolean): ThemeConfig {
  const base = { fontFamily: FONT_STACK, colorPrimary: '#1456c8', borderRadius: 6, colorLink: '#1456c8' };
  if (!largeText) return { token: base };
  // Large text and high contrast: 18 px body text, black on white, darker primary and borders (WCAG AAA contrast).
  return {
    algorithm: antTheme.defaultAlgorithm,
    token: {
      ...base,
      fontSize: 18,
      fontSizeSM: 16,
      fontSizeLG: 20,
      controlHeight: 44,
      colorPrimary: '#0a3d91',
      colorLink: '#0a3d91',
      colorText: '#000000',
      colorTextSecondary: '#1a1a1a',
      colorTextTertiary: '#262626',
      colorTextDescription: '#1a1a1a',
      colorBorder: '#4d4d4d',
      colorBorderSecondary: '#8c8c8c',
      lineWidth: 1,
    },
  };
}

/** Provides the preferences, the antd locale and theme, and antd's message/modal context. */
export function PrefsProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => (stored(LOCALE_KEY) === 'en-US' ? 'en-US' : 'zh-CN'));
  const [largeText, setLargeTextState] = useState<boolean>(() => stored(LARGE_TEXT_KEY) === '1');
  const setLocale = useCallback((l: Locale) => {
    setLocaleState(l);
    store(LOCALE_KEY, l);
  }, []);
  const setLargeText = useCallback((on: boolean) => {
    setLargeTextState(on);
    store(LARGE_TEXT_KEY, on ? '1' : '0');
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.toggleAttribute('data-large-text', largeText);
    setApiLanguage(locale);
  }, [locale, largeText]);
  setApiLanguage(locale);
  const value = useMemo(() => ({ locale, setLocale, largeText, setLargeText }), [locale, setLocale, largeText, setLargeText]);
  return (
    <PrefsContext.Provider value={value}>
      <ConfigProvider locale={locale === 'en-US' ? enUS : zhCN} theme={themeFor(largeText)} {...(nonce ? { csp: { nonce } } : {})}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </PrefsContext.Provider>
  );
}

/** The current preferences. */
export function usePrefs(): Prefs {
  const prefs = useContext(PrefsContext);
  if (!prefs) throw new Error('usePrefs outside PrefsProvider');
  return prefs;
}

/** A message catalogue in both languages (the English one must have every key) and the hook that picks one. */
export function defineMessages<M extends Record<string, string>>(zh: M, en: { [K in keyof M]: string }): () => M {
  return function useMessages() {
    return usePrefs().locale === 'en-US' ? (en as M) : zh;
  };
}
