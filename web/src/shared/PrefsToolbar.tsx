import { Button, Space, Switch, Tooltip } from 'antd';
import { usePrefs } from './prefs';
import { useSharedMessages } from './shared-messages';

/** Language switch and the large-text toggle, on every page of both apps. */
export function PrefsToolbar({ compact = false }: { compact?: boolean }) {
  const { locale, setLocale, largeText, setLargeText } = usePrefs();
  const t = useSharedMessages();
  const english = locale === 'en-US';
  return (
    <Space size={compact ? 4 : 12} wrap className="prefs-toolbar">
      <Button
        type="text"
        size="small"
        lang={english ? 'zh-CN' : 'en'}
        aria-label={t.switchLanguage}
        data-testid="switch-language"
        onClick={() => setLocale(english ? 'zh-CN' : 'en-US')}
      >
        {english ? t.switchToChinese : t.switchToEnglish}
      </Button>
      <Tooltip title={t.largeTextHint}>
        <label className="large-text-toggle">
          <Switch size="small" checked={largeText} onChange={setLargeText} aria-label={t.largeText} data-testid="large-text" />
          <span>{t.largeText}</span>
        </label>
      </Tooltip>
    </Space>
  );
}
